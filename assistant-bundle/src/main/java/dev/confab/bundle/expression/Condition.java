package dev.confab.bundle.expression;

import java.util.Set;
import java.util.function.Function;

/**
 * A parsed branch condition over slots, e.g. {@code slots.amount > 100 and slots.reason == 'stolen'}.
 * Parsing at load time means a typo fails the bundle, not a conversation.
 */
public final class Condition {

    private final String source;
    private final Expression root;

    Condition(String source, Expression root) {
        this.source = source;
        this.root = root;
    }

    /** Parses a condition; throws {@link ConditionSyntaxException} with the offending position. */
    public static Condition parse(String source) {
        return new Condition(source, new ConditionParser(source).parse());
    }

    /** Whether the condition holds for these slot values (absent slots read as {@code null}). */
    public boolean test(Function<String, Object> slots) {
        return Expression.truthy(root.evaluate(slots));
    }

    /** The slots it reads, so the loader can check they exist. */
    public Set<String> slots() {
        return root.slots();
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
