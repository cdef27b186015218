package dev.confab.load;

/**
 * One turn as the client saw it.
 *
 * @param firstEventMillis from sending the message to the first reply event (a template turn: the platform's
 *                         whole overhead; an SLM turn: that plus the model's time to first token)
 * @param doneMillis       from sending to {@code done}
 * @param failed           the turn ended with {@code error}, or the request was refused
 * @param sentAtEpochMillis when the message was sent, on the wall clock Kafka's record timestamps use
 * @param firstEventId     the SSE id of the first reply event: its position in {@code chat.outbound}
 */
record TurnTiming(double firstEventMillis, double doneMillis, boolean failed, long sentAtEpochMillis,
                  String firstEventId) {

    static TurnTiming failed(long sentAtEpochMillis, double doneMillis) {
        return new TurnTiming(0, doneMillis, true, sentAtEpochMillis, null);
    }
}
