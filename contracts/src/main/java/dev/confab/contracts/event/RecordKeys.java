package dev.confab.contracts.event;

/**
 * The Kafka record key of every event: the envelope's conversation id, which for the events that belong to no
 * conversation names what orders them instead. {@code asyncapi.yaml} states each key's pattern; the tests check
 * every record they read against it.
 */
public final class RecordKeys {

    private static final String CONVERSATION = "^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$";

    private RecordKeys() {
    }

    /** A tenant's audit trail, in order. */
    public static String audit(String tenant) {
        return "audit:" + tenant;
    }

    /** A user's erasure. */
    public static String user(String userId) {
        return "user:" + userId;
    }

    /** A knowledge document's events, in order. */
    public static String document(String documentId) {
        return "document:" + documentId;
    }

    /** The pattern (ECMA 262, as JSON Schema has it) the key of an event of this type matches. */
    public static String pattern(EventType type) {
        return switch (type) {
            case AUDIT_RECORDED -> "^audit:.+$";
            case USER_FORGOTTEN -> "^user:.+$";
            case DOCUMENT_INDEXED -> "^document:.+$";
            default -> CONVERSATION;
        };
    }
}
