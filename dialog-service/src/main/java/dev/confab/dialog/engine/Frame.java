package dev.confab.dialog.engine;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.LinkedHashMap;
import java.util.Map;

/** One flow on the dialogue stack and how far it has got. */
public class Frame {

    public String flow;
    /** Index of the step to run next (or, while collecting, of the collect step waiting for its answer). */
    public int step;
    /** Unusable answers to the current question so far. */
    public int attempts;
    /** A digression is running on top of this flow; when it ends, this one resumes with a reminder. */
    public boolean interrupted;
    /**
     * A later request of a message that asked for several things: it has not started yet, and starts when the
     * flows above it are done.
     */
    public boolean queued;
    /** Values a pattern's responses may use: {@code flow}, {@code slot}, {@code value}, {@code options}, ... */
    public Map<String, String> context = new LinkedHashMap<>();

    public static Frame of(String flow) {
        Frame frame = new Frame();
        frame.flow = flow;
        return frame;
    }

    @JsonIgnore
    public boolean pattern() {
        return flow.startsWith("pattern_");
    }
}
