package dev.confab.bundle.expression;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser of branch conditions:
 * <pre>
 * or := and ('or' and)*      and := not ('and' not)*      not := 'not' not | test
 * test := value ( ('=='|'!='|'<'|'<='|'>'|'>=') value | 'is' ['not'] 'set' | 'in' '[' literal (',' literal)* ']' )?
 * value := 'slots.' name | 'text' | number | true | false | null | '(' or ')'
 * </pre>
 */
final class ConditionParser {

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(?:(==|!=|<=|>=|<|>|\\(|\\)|\\[|\\]|,)|('(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\")"
                    + "|(-?[0-9]+(?:\\.[0-9]+)?)|([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?))");

    private final String source;
    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> positions = new ArrayList<>();
    private int next;

    ConditionParser(String source) {
        this.source = source;
        Matcher matcher = TOKEN.matcher(source);
        int at = 0;
        while (at < source.length()) {
            while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
                at++;
            }
            if (at == source.length()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw new ConditionSyntaxException("unexpected character '" + source.charAt(at) + "'", at);
            }
            tokens.add(matcher.group().strip());
            positions.add(at);
            at = matcher.end();
        }
    }

    Expression parse() {
        if (tokens.isEmpty()) {
            throw new ConditionSyntaxException("empty condition", 0);
        }
        Expression expression = or();
        if (next < tokens.size()) {
            throw error("unexpected '" + tokens.get(next) + "'");
        }
        return expression;
    }

    private Expression or() {
        Expression left = and();
        while (accept("or")) {
            left = new Expression.Logical(false, left, and());
        }
        return left;
    }

    private Expression and() {
        Expression left = not();
        while (accept("and")) {
            left = new Expression.Logical(true, left, not());
        }
        return left;
    }

    private Expression not() {
        if (accept("not")) {
            return new Expression.Not(not());
        }
        return test();
    }

    private Expression test() {
        Expression left = value();
        if (accept("is")) {
            boolean negated = accept("not");
            expect("set");
            return new Expression.IsSet(left, negated);
        }
        if (accept("in")) {
            expect("[");
            List<Object> candidates = new ArrayList<>();
            do {
                candidates.add(literal());
            } while (accept(","));
            expect("]");
            return new Expression.In(left, candidates);
        }
        String operator = peek();
        if (operator != null && operator.matches("==|!=|<=|>=|<|>")) {
            next++;
            return new Expression.Comparison(operator, left, value());
        }
        return left;
    }

    private Expression value() {
        if (accept("(")) {
            Expression inner = or();
            expect(")");
            return inner;
        }
        String token = peek();
        if (token != null && token.startsWith("slots.")) {
            next++;
            return new Expression.SlotReference(token.substring("slots.".length()));
        }
        return new Expression.Literal(literal());
    }

    private Object literal() {
        String token = peek();
        if (token == null) {
            throw error("the condition ends too early");
        }
        next++;
        if (token.startsWith("'") || token.startsWith("\"")) {
            return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        if (token.matches("-?[0-9].*")) {
            return new BigDecimal(token);
        }
        switch (token) {
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            case "null":
                return null;
            default:
                next--;
                throw error("expected slots.<name>, a quoted text, a number, true, false or null, not '" + token + "'");
        }
    }

    private String peek() {
        return next < tokens.size() ? tokens.get(next) : null;
    }

    private boolean accept(String token) {
        if (token.equals(peek())) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw error("expected '" + token + "'" + (peek() == null ? " at the end" : " before '" + peek() + "'"));
        }
    }

    private ConditionSyntaxException error(String message) {
        int position = next < positions.size() ? positions.get(next) : source.length();
        return new ConditionSyntaxException(message, position);
    }
}
