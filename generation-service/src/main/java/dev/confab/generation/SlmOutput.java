package dev.confab.generation;

/** What the small language model streams back: tokens, then one summary when it finishes. */
public sealed interface SlmOutput {

    /** A piece of generated text. */
    record Token(String text) implements SlmOutput {
    }

    /**
     * The end of a generation.
     *
     * @param model        the model that answered
     * @param promptTokens tokens read, when the model reported them
     * @param outputTokens tokens written, when the model reported them
     */
    record Finished(String model, Integer promptTokens, Integer outputTokens) implements SlmOutput {
    }
}
