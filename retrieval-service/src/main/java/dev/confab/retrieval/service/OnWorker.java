package dev.confab.retrieval.service;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.concurrent.Callable;

/**
 * Runs blocking work (parsing, embedding, a store call) on a worker thread and resumes on the caller's Vert.x
 * context, where Hibernate Reactive sessions must be used.
 */
final class OnWorker {

    private OnWorker() {
    }

    static <T> Uni<T> call(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().item(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            });
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
