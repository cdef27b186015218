package dev.confab.nlu.engine;

/** One labelled utterance; the intent {@value #OUT_OF_SCOPE} marks an utterance the assistant should not handle. */
public record Example(String text, String intent) {

    public static final String OUT_OF_SCOPE = "oos";

    public boolean inScope() {
        return !OUT_OF_SCOPE.equals(intent);
    }
}
