package dev.confab.gateway;

import dev.confab.contracts.rest.InvalidRequestException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a reply event lies in {@code chat.outbound}: its SSE id, from which a client on any replica resumes a stream
 * with {@code Last-Event-ID} (Kafka's order within a partition makes "after this event" exact).
 */
public record StreamPosition(int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,6})-(\\d{1,18})");

    /** Reads an event id as a client sent it back. */
    public static StreamPosition parse(String eventId) {
        Matcher matcher = FORMAT.matcher(eventId.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException("Last-Event-ID '" + abbreviated(eventId)
                    + "' is not an event id of this API (expected <partition>-<offset>)");
        }
        return new StreamPosition(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }

    /** Whether a client that has seen this position has also seen {@code other} (same partition, not later). */
    public boolean covers(StreamPosition other) {
        return other.partition == partition && other.offset <= offset;
    }

    @Override
    public String toString() {
        return partition + "-" + offset;
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
