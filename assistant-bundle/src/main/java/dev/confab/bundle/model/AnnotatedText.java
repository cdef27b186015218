package dev.confab.bundle.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An example utterance with the words that fill the assistant's model entities marked, written the way Rasa users
 * already write them: {@code "top up [£50](amount_of_money) from [Monzo](company_name)"}.
 *
 * @param text  the utterance as a customer would type it, without the markup
 * @param spans the marked entities, in order, with offsets into {@code text}
 */
public record AnnotatedText(String text, List<Span> spans) {

    /** One marked entity: its name and where it is in the plain text ({@code end} exclusive). */
    public record Span(String entity, int start, int end) {
    }

    private static final Pattern ANNOTATION = Pattern.compile("\\[([^\\[\\]]+)]\\(([a-z][a-z0-9_]*)\\)");
    /** What is left of an annotation typed wrong: "](amount" unclosed, "] (amount)" spaced, "](Amount)". */
    private static final Pattern STRAY = Pattern.compile("]\\s*\\(\\s*[A-Za-z_]");

    public AnnotatedText {
        spans = List.copyOf(spans);
    }

    /**
     * Reads the markup; brackets that are not a whole annotation stay text, but an entity name after a closing
     * bracket outside one is a typo ("[£50](amount", "[£50] (amount)") and is refused rather than learnt as words.
     *
     * @throws IllegalArgumentException saying what is wrong and where
     */
    public static AnnotatedText parse(String markup) {
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        Matcher matcher = ANNOTATION.matcher(markup);
        int copied = 0;
        while (matcher.find()) {
            refuseStrayMarkup(markup, copied, matcher.start());
            text.append(markup, copied, matcher.start());
            int start = text.length();
            text.append(matcher.group(1));
            spans.add(new Span(matcher.group(2), start, text.length()));
            copied = matcher.end();
        }
        refuseStrayMarkup(markup, copied, markup.length());
        text.append(markup, copied, markup.length());
        return new AnnotatedText(text.toString(), spans);
    }

    private static void refuseStrayMarkup(String markup, int from, int to) {
        Matcher stray = STRAY.matcher(markup).region(from, to);
        if (stray.find()) {
            throw new IllegalArgumentException("malformed annotation at character " + (stray.start() + 1)
                    + ": write [words](entity_name) with a lower-case entity name");
        }
    }
}
