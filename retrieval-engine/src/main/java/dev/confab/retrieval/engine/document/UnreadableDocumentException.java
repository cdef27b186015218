package dev.confab.retrieval.engine.document;

/** A document that cannot become knowledge, with the reason a user can act on. */
public class UnreadableDocumentException extends RuntimeException {

    private final boolean unsupportedType;

    public UnreadableDocumentException(String reason) {
        this(reason, false);
    }

    private UnreadableDocumentException(String reason, boolean unsupportedType) {
        super(reason);
        this.unsupportedType = unsupportedType;
    }

    public static UnreadableDocumentException unsupported(String contentType) {
        return new UnreadableDocumentException("Unsupported content type '" + contentType
                + "'; send text/markdown, text/plain, text/html or application/pdf", true);
    }

    /** Whether the type, not the content, is the problem (HTTP 415 rather than 422). */
    public boolean unsupportedType() {
        return unsupportedType;
    }
}
