package dev.confab.bundle.expression;

/** A condition that does not parse, with the 0-based character where it went wrong. */
public class ConditionSyntaxException extends RuntimeException {

    private final int position;

    public ConditionSyntaxException(String message, int position) {
        super(message + " at character " + (position + 1));
        this.position = position;
    }

    public int position() {
        return position;
    }
}
