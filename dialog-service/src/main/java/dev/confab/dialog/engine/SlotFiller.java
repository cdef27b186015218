package dev.confab.dialog.engine;

import dev.confab.bundle.expression.DesignerPattern;
import dev.confab.bundle.model.IntentRole;
import dev.confab.bundle.model.Slot;
import dev.confab.bundle.model.SlotType;
import dev.confab.bundle.model.SlotValidation;
import dev.confab.contracts.event.MessageUnderstood;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds values for a slot in what the user said, and checks them against the slot's rules. */
final class SlotFiller {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern AMOUNT = Pattern.compile("(-?[0-9]+(?:\\.[0-9]+)?)(?:\\s*([A-Z]{3}))?");
    private static final Pattern YES = Pattern.compile(
            "\\b(yes|yeah|yep|yup|sure|correct|right|ok|okay|please do|go ahead|do it|absolutely|definitely"
                    + "|of course)\\b");
    private static final Pattern NO = Pattern.compile("\\b(no|nope|nah|not really|don't|do not|no thanks)\\b");
    private static final Pattern OPENING_YES_OR_NO = Pattern.compile("\\s*(yes|yeah|yep|yup|no|nope|nah)\\b");

    private SlotFiller() {
    }

    /** How much a message may be read into: more when the bot has just asked for the slot. */
    enum Reading {
        /** Only entities and category words: the user mentioned a value in passing. */
        MENTIONED,
        /** Also a bare number for an amount: the user is correcting a value. */
        CORRECTING,
        /** Also yes/no for a boolean and the whole message for text: the bot asked for exactly this slot. */
        ASKED
    }

    /** A value the message offers and where it starts in the text ({@code -1} when it has no span). */
    record Candidate(String value, int start) {
    }

    /** Whether the message opens with a yes or a no ("yes block it", "nope"): an answer, whatever follows. */
    static boolean opensWithYesOrNo(String text) {
        return OPENING_YES_OR_NO.matcher(text.toLowerCase(Locale.ROOT)).lookingAt();
    }

    /** Whether the message says yes ({@code true}), no ({@code false}), or neither ({@code null}) in so many words. */
    static Boolean yesOrNo(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (NO.matcher(lower).find()) {
            return false;
        }
        return YES.matcher(lower).find() ? true : null;
    }

    /** Every value the message offers for the slot, in the order said. */
    static List<Candidate> candidates(String name, Slot slot, MessageUnderstood message, IntentRole role,
                                      Reading reading, String currency) {
        List<Candidate> values = new ArrayList<>();
        for (String entity : slot.fillingEntities()) {
            message.entities().stream()
                    .filter(found -> found.entity().equals(entity))
                    .map(found -> new Candidate(normalise(slot, found.value(), currency), found.start()))
                    .filter(candidate -> candidate.value() != null)
                    .forEach(values::add);
        }
        String text = message.text().toLowerCase(Locale.ROOT);
        if (slot.type() == SlotType.CATEGORY) {
            values.addAll(categories(slot.values(), text));
            if (values.isEmpty() && !message.outOfScope() && !message.intents().isEmpty()) {
                // "I gave my card details to a dodgy website" says no synonym, but compromised_card means one.
                slot.valueMeantBy(message.intents().get(0).intent())
                        .map(value -> new Candidate(value, 0))
                        .ifPresent(values::add);
            }
        }
        if (!values.isEmpty() || reading == Reading.MENTIONED) {
            values.sort((a, b) -> Integer.compare(a.start(), b.start()));
            return values;
        }
        if (slot.type() == SlotType.MONEY) {
            message.entities().stream()
                    .filter(found -> found.entity().equals("number"))
                    .map(found -> new Candidate(normalise(slot, found.value(), currency), found.start()))
                    .filter(candidate -> candidate.value() != null)
                    .forEach(values::add);
        }
        if (reading != Reading.ASKED) {
            return values;
        }
        if (slot.type() == SlotType.BOOLEAN) {
            if (role == IntentRole.AFFIRM || (role != IntentRole.DENY && YES.matcher(text).find())) {
                values.add(new Candidate("true", -1));
            } else if (role == IntentRole.DENY || NO.matcher(text).find()) {
                values.add(new Candidate("false", -1));
            }
        } else if (slot.type() == SlotType.TEXT) {
            // No entity found, but the bot asked for exactly this: the answer is the whole message.
            values.add(new Candidate(message.text().strip(), 0));
        } else if (slot.type() == SlotType.CATEGORY && (role == null || role == IntentRole.TASK)) {
            // No synonym in its words ("the parcel never turned up"): the answer read by its meaning, only as the
            // answer to this very question and never when the NLU heard a yes, a no, a goodbye or small talk.
            message.categories().stream()
                    .filter(meant -> meant.slot().equals(name) && slot.values().containsKey(meant.value()))
                    .map(meant -> new Candidate(meant.value(), 0))
                    .forEach(values::add);
        }
        return values;
    }

    /**
     * One spelling per value, so corrections and conditions compare like with like: amounts as {@code "50.00 GBP"},
     * whichever extractor found them (the money entity says {@code "50 GBP"}, the slot tagger {@code "50"}); an
     * amount that is not a number fills no money slot ({@code null}).
     */
    static String normalise(Slot slot, String value, String currency) {
        if (slot.type() != SlotType.MONEY) {
            return value;
        }
        Matcher amount = AMOUNT.matcher(value.replace(",", "").strip());
        if (!amount.matches()) {
            return null;
        }
        String code = amount.group(2) == null ? currency : amount.group(2);
        return new BigDecimal(amount.group(1)).setScale(2, RoundingMode.HALF_EVEN) + " " + code;
    }

    /** What a generate step tells the model about the answer its slot takes. */
    static String answerFormat(Slot slot) {
        switch (slot.type()) {
            case CATEGORY:
                return "Answer with exactly one of: " + String.join(", ", slot.values().keySet()) + ".";
            case BOOLEAN:
                return "Answer with exactly true or false.";
            case NUMBER:
                return "Answer with a number only.";
            case MONEY:
                return "Answer with an amount and its ISO 4217 currency code only, e.g. 12.50 EUR.";
            case DATE:
                return "Answer with a date in ISO 8601 (YYYY-MM-DD) only.";
            default:
                return "Answer with the value only, on one line.";
        }
    }

    /** The model's answer as a value of the slot, or {@code null} when it is not one. */
    static String fromGeneration(Slot slot, String answer, String currency) {
        String text = answer.strip();
        String value;
        switch (slot.type()) {
            case CATEGORY:
                value = slot.values().keySet().stream().filter(text::equalsIgnoreCase).findFirst().orElse(null);
                break;
            case BOOLEAN:
                value = text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? text.toLowerCase(Locale.ROOT)
                        : null;
                break;
            case NUMBER:
                value = LEADING_NUMBER.matcher(text).matches() ? text : null;
                break;
            case MONEY:
                value = normalise(slot, text, currency);
                break;
            case DATE:
                value = text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}") ? text : null;
                break;
            default:
                value = text.isEmpty() ? null : text.lines().findFirst().orElse(text);
        }
        return value != null && valid(slot, value) ? value : null;
    }

    /** The first value the message offers, if any. */
    static Optional<String> value(String name, Slot slot, MessageUnderstood message, IntentRole role,
                                  Reading reading, String currency) {
        return candidates(name, slot, message, role, reading, currency).stream()
                .map(Candidate::value)
                .findFirst();
    }

    /** Whether a value meets the slot's validation rules. */
    static boolean valid(Slot slot, String value) {
        SlotValidation rules = slot.validation();
        if (rules == null) {
            return true;
        }
        if (rules.pattern() != null && !DesignerPattern.compile(rules.pattern(), 0).matcher(value).matches()) {
            return false;
        }
        BigDecimal number = number(value);
        if (rules.min() != null && (number == null || number.compareTo(rules.min()) < 0)) {
            return false;
        }
        return rules.max() == null || (number != null && number.compareTo(rules.max()) <= 0);
    }

    private static List<Candidate> categories(Map<String, List<String>> values, String text) {
        List<int[]> found = new ArrayList<>();
        List<String> names = new ArrayList<>(values.keySet());
        CategoryWords words = new CategoryWords(text);
        for (int i = 0; i < names.size(); i++) {
            List<String> phrases = new ArrayList<>(values.get(names.get(i)));
            phrases.add(names.get(i).replace('_', ' '));
            for (String phrase : phrases) {
                int start = words.find(phrase);
                if (start >= 0) {
                    found.add(new int[] {start, i});
                    break;
                }
            }
        }
        return found.stream().map(at -> new Candidate(names.get(at[1]), at[0])).toList();
    }

    private static BigDecimal number(String value) {
        Matcher matcher = LEADING_NUMBER.matcher(value.strip());
        return matcher.find() ? new BigDecimal(matcher.group()) : null;
    }
}
