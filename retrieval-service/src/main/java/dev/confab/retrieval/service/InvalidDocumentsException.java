package dev.confab.retrieval.service;

import java.util.Map;

/** Documents refused before anything was stored, each with its reason, keyed by document id. */
public class InvalidDocumentsException extends RuntimeException {

    /** Why a document was refused, which decides the HTTP status when it is the only kind of refusal. */
    public enum Kind {
        UNSUPPORTED_TYPE,
        TOO_LARGE,
        UNREADABLE
    }

    /** One refused document. */
    public record Refusal(Kind kind, String reason) {
    }

    private final Map<String, Refusal> refusals;

    public InvalidDocumentsException(Map<String, Refusal> refusals) {
        super(refusals.size() == 1
                ? refusals.values().iterator().next().reason()
                : refusals.size() + " documents cannot be ingested and nothing was stored: " + refusals);
        this.refusals = Map.copyOf(refusals);
    }

    /** The kind shared by every refusal, or {@link Kind#UNREADABLE} when they differ. */
    public Kind kind() {
        return refusals.values().stream()
                .map(Refusal::kind)
                .reduce((a, b) -> a == b ? a : Kind.UNREADABLE)
                .orElse(Kind.UNREADABLE);
    }

    public Map<String, Refusal> refusals() {
        return refusals;
    }
}
