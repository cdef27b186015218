package dev.confab.bundle.expression;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A node of a parsed condition. */
sealed interface Expression {

    Object evaluate(Function<String, Object> slots);

    Set<String> slots();

    /**
     * {@code null}, {@code false}, {@code 0}, the empty text and the text {@code "false"} (how a boolean slot holds
     * no) are false; anything else is true.
     */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigDecimal number) {
            return number.signum() != 0;
        }
        return !value.toString().isEmpty() && !"false".equalsIgnoreCase(value.toString());
    }

    /** A literal: text, number, boolean or null. */
    record Literal(Object value) implements Expression {
        public Object evaluate(Function<String, Object> slots) {
            return value;
        }

        public Set<String> slots() {
            return Set.of();
        }
    }

    /** {@code slots.name}. */
    record SlotReference(String name) implements Expression {
        public Object evaluate(Function<String, Object> slots) {
            return slots.apply(name);
        }

        public Set<String> slots() {
            return Set.of(name);
        }
    }

    /** {@code not x}. */
    record Not(Expression operand) implements Expression {
        public Object evaluate(Function<String, Object> slots) {
            return !truthy(operand.evaluate(slots));
        }

        public Set<String> slots() {
            return operand.slots();
        }
    }

    /** {@code a and b}, {@code a or b}, short-circuiting. */
    record Logical(boolean and, Expression left, Expression right) implements Expression {
        public Object evaluate(Function<String, Object> slots) {
            boolean first = truthy(left.evaluate(slots));
            if (and != first) {
                return first;
            }
            return truthy(right.evaluate(slots));
        }

        public Set<String> slots() {
            return union(left, right);
        }
    }

    /** {@code x is set}, {@code x is not set}. */
    record IsSet(Expression operand, boolean negated) implements Expression {
        public Object evaluate(Function<String, Object> slots) {
            return (operand.evaluate(slots) != null) != negated;
        }

        public Set<String> slots() {
            return operand.slots();
        }
    }

    /** {@code x in ['a', 'b']}. */
    record In(Expression operand, List<Object> candidates) implements Expression {
        public Object evaluate(Function<String, Object> slots) {
            Object value = operand.evaluate(slots);
            return candidates.stream().anyMatch(candidate -> Comparison.equal(value, candidate));
        }

        public Set<String> slots() {
            return operand.slots();
        }
    }

    /**
     * {@code ==, !=, <, <=, >, >=}. Numbers compare by value, and a text that starts with a number (a money
     * value such as {@code "50.00 EUR"}) compares by that number; other texts compare ignoring case.
     */
    record Comparison(String operator, Expression left, Expression right) implements Expression {

        private static final Pattern LEADING_NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?");

        public Object evaluate(Function<String, Object> slots) {
            Object a = left.evaluate(slots);
            Object b = right.evaluate(slots);
            switch (operator) {
                case "==":
                    return equal(a, b);
                case "!=":
                    return !equal(a, b);
                default:
                    BigDecimal x = number(a);
                    BigDecimal y = number(b);
                    if (x == null || y == null) {
                        return false;
                    }
                    int order = x.compareTo(y);
                    switch (operator) {
                        case "<":
                            return order < 0;
                        case "<=":
                            return order <= 0;
                        case ">":
                            return order > 0;
                        default:
                            return order >= 0;
                    }
            }
        }

        public Set<String> slots() {
            return union(left, right);
        }

        static boolean equal(Object a, Object b) {
            if (a == null || b == null) {
                return a == b;
            }
            BigDecimal x = number(a);
            BigDecimal y = number(b);
            if (x != null && y != null && (a instanceof BigDecimal || b instanceof BigDecimal)) {
                return x.compareTo(y) == 0;
            }
            return Objects.toString(a).equalsIgnoreCase(Objects.toString(b));
        }

        static BigDecimal number(Object value) {
            if (value instanceof BigDecimal number) {
                return number;
            }
            if (value == null || value instanceof Boolean) {
                return null;
            }
            Matcher matcher = LEADING_NUMBER.matcher(value.toString().trim());
            return matcher.find() ? new BigDecimal(matcher.group()) : null;
        }
    }

    private static Set<String> union(Expression left, Expression right) {
        Set<String> names = new HashSet<>(left.slots());
        names.addAll(right.slots());
        return names;
    }
}
