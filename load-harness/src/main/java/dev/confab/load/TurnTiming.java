package dev.confab.load;

/**
 * One turn as the client saw it.
 *
 * @param firstEventMillis from sending the message to the first reply event (a template turn: the platform's
 *                         whole overhead; an SLM turn: that plus the model's time to first token)
 * @param doneMillis       from sending to {@code done}
 * @param failed           the turn ended with {@code error}, or the request was refused
 */
record TurnTiming(double firstEventMillis, double doneMillis, boolean failed) {
}
