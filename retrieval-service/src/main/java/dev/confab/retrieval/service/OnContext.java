package dev.confab.retrieval.service;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

import java.util.function.Supplier;

/**
 * Runs a reactive step (a Hibernate Reactive session, a Kafka send) from a worker thread on a Vert.x context and
 * waits for its result: the scheduled workers block on embedding and store calls, and must still use the database.
 */
final class OnContext {

    private OnContext() {
    }

    static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work::get);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }
}
