package dev.confab.contracts.event;

/**
 * Who understood a turn the NLU could not read with confidence ({@code turn.interpreted}): dialog asked the SLM for
 * a command and acted on it, or dropped it and kept the NLU's reading. Turns without this event were understood by
 * the NLU alone.
 *
 * @param understoodBy {@code slm} when the SLM's command was acted on, else {@code nlu}
 * @param command      the command the SLM answered ({@code start_flow}, {@code set_slot}, …), or {@code null} when
 *                     it answered none in time or nothing readable
 * @param target       the flow or slot the command named, when it named one
 * @param dropped      why the command was not acted on (an unknown flow, a value the slot cannot take, …), or
 *                     {@code null} when it was
 */
public record TurnInterpreted(String understoodBy, String command, String target, String dropped)
        implements EventPayload {
}
