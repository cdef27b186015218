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

    /** Called on a Vert.x context: a REST method returning {@code Uni}, or a Kafka consumer's. */
    static <T> Uni<T> call(Callable<T> work) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> context.executeBlocking(work, false).toCompletionStage());
    }
}
