package dev.confab.dialog.client;

/** An HTTP action that did not give a usable answer; {@code retryable} when trying again may help. */
public class ActionFailedException extends RuntimeException {

    private final boolean retryable;

    public ActionFailedException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
