package dev.confab.generation.prompt;

/**
 * Estimates how many tokens a text takes. Small instruct models' tokenizers average about four characters of
 * English per token; the estimate rounds up and adds each message's framing, so a prompt trimmed to it fits the
 * context window with a margin rather than being cut by the sidecar from the front.
 */
final class TokenBudget {

    private static final int CHARS_PER_TOKEN = 4;
    private static final int MESSAGE_FRAMING = 4;

    private TokenBudget() {
    }

    static int tokens(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN + MESSAGE_FRAMING;
    }

    /** The longest prefix of {@code text} that fits in {@code tokens}. */
    static String cut(String text, int tokens) {
        int chars = Math.max(0, (tokens - MESSAGE_FRAMING) * CHARS_PER_TOKEN);
        return text.length() <= chars ? text : text.substring(0, chars);
    }
}
