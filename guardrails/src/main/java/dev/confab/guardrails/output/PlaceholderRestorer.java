package dev.confab.guardrails.output;

import dev.confab.guardrails.input.Placeholders;

/**
 * Puts the user's data back into streamed text: a placeholder such as {@code [EMAIL_1]} may arrive split over
 * several tokens, so text from an opening bracket is held until the bracket closes (or clearly is not a
 * placeholder) and only then released, restored.
 */
final class PlaceholderRestorer {

    private static final int LONGEST_PLACEHOLDER = 24;

    private final Placeholders placeholders;
    private final StringBuilder held = new StringBuilder();

    PlaceholderRestorer(Placeholders placeholders) {
        this.placeholders = placeholders;
    }

    /** The text that can be shown now. */
    String accept(String piece) {
        held.append(piece);
        int open = held.lastIndexOf("[");
        if (open >= 0 && held.indexOf("]", open) < 0 && held.length() - open <= LONGEST_PLACEHOLDER
                && held.substring(open + 1).matches("[A-Z_0-9]*")) {
            String ready = held.substring(0, open);
            held.delete(0, open);
            return placeholders.restore(ready);
        }
        return flush();
    }

    /** Everything still held, at the end of the stream. */
    String flush() {
        String ready = placeholders.restore(held.toString());
        held.setLength(0);
        return ready;
    }
}
