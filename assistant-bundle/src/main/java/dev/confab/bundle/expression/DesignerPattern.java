package dev.confab.bundle.expression;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * A regular expression a conversation designer wrote (an entity's pattern, a slot's validation), compiled for RE2:
 * matching takes time linear in the text whatever the pattern, so no bundle can make every message of a tenant
 * backtrack for seconds. RE2 has no look-around and no back-references; the bundle check says so with file:line.
 */
public final class DesignerPattern {

    /** Longest pattern accepted: a pattern describes a reference or a code, not a grammar. */
    public static final int MAX_LENGTH = 500;

    private DesignerPattern() {
    }

    /** @throws IllegalArgumentException with the reason, for the bundle check to report where */
    public static Pattern compile(String regex, int flags) {
        if (regex.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("pattern of " + regex.length() + " characters; the limit is "
                    + MAX_LENGTH);
        }
        try {
            return Pattern.compile(regex, flags);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(e.getDescription() + " (patterns use RE2 syntax: no look-around, "
                    + "no back-references)", e);
        }
    }
}
