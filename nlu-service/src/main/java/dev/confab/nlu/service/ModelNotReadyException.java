package dev.confab.nlu.service;

/** The NLU model is still being built (or failed to build): nothing can be understood yet. */
public class ModelNotReadyException extends RuntimeException {

    public ModelNotReadyException() {
        super("The NLU model is still training; retry shortly");
    }
}
