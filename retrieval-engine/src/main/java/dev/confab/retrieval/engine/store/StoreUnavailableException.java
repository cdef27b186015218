package dev.confab.retrieval.engine.store;

/** The store could not be reached or failed; the operation may succeed when retried later. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
