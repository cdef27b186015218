package dev.confab.contracts.event;

/**
 * A slot of the conversation got a value ({@code slot.set}); values are rendered as text.
 *
 * @param previous  the value it replaced, or {@code null}
 * @param corrected whether the user corrected a value given earlier
 * @param source    who set it: {@code user}, {@code flow}, {@code action}, {@code generation} or {@code memory}
 */
public record SlotSet(String slot, String value, String previous, boolean corrected, String source)
        implements EventPayload {
}
