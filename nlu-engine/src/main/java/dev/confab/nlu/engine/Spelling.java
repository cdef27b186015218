package dev.confab.nlu.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends the typing slips customers make ("i lsot my card", "chnage my pin") before an utterance is classified: a
 * word that is neither in the assistant's examples nor a word the encoder knows whole becomes the example word one
 * slip away (a swap, a missing, extra or wrong letter) that is likeliest to have been meant: its frequency in the
 * examples times how often thumbs make that slip ({@link Slips}). A sentence encoder splits an unknown word into
 * pieces that mean little, so one slip in three words cost the embedding-only classifier 28 points of accuracy on
 * BANKING77 (docs/benchmarks.md).
 */
public final class Spelling {

    /**
     * Shorter words have too many neighbours one slip away to guess which was meant; a two-letter word that no
     * example uses is mended only to a word it lost a letter of or has two letters swapped in ("ws", "ot").
     */
    static final int MIN_LENGTH = 2;
    /** Words at least this long are mended with any slip, and shielded when the encoder knows them. */
    static final int MIN_TYPED_LENGTH = 3;
    /** A capitalised first word is mended in an utterance this long; "Acme Coffee" is a name, not a sentence. */
    private static final int MIN_SENTENCE_WORDS = 3;
    /** An example word used this rarely ... */
    static final int RARE_IN_EXAMPLES = 2;
    /** ... next to one used this many times as often, one likely slip away, is a slip in the examples themselves. */
    static final int MISSPELT_RATIO = 50;
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private final Map<String, Integer> frequency;
    private final Set<String> knownWords;
    private final char[] alphabet;

    private Spelling(Map<String, Integer> frequency, Set<String> knownWords, char[] alphabet) {
        this.frequency = frequency;
        this.knownWords = knownWords;
        this.alphabet = alphabet;
    }

    /**
     * @param texts      the assistant's training utterances: the words a correction may produce
     * @param knownWords lower-case words that are left alone although the examples never use them
     */
    public static Spelling learn(List<String> texts, Set<String> knownWords) {
        Map<String, Integer> frequency = new HashMap<>();
        Set<Character> letters = new TreeSet<>();
        for (String text : texts) {
            Matcher words = WORD.matcher(text.toLowerCase(Locale.ROOT));
            while (words.find()) {
                frequency.merge(words.group(), 1, Integer::sum);
                words.group().chars().forEach(letter -> letters.add((char) letter));
            }
        }
        char[] alphabet = new char[letters.size()];
        int i = 0;
        for (char letter : letters) {
            alphabet[i++] = letter;
        }
        // Examples are typed by people too ("paymet", "transation"): left in, such a slip would keep itself unmended.
        frequency.keySet().removeAll(misspelt(frequency, alphabet));
        return new Spelling(frequency, knownWords, alphabet);
    }

    private static Set<String> misspelt(Map<String, Integer> frequency, char[] alphabet) {
        Set<String> misspelt = new TreeSet<>();
        frequency.forEach((word, count) -> {
            if (count <= RARE_IN_EXAMPLES && word.length() >= MIN_TYPED_LENGTH) {
                boolean slip = Slips.undoing(word, alphabet).entrySet().stream()
                        .anyMatch(meant -> meant.getValue() == Slips.LIKELY
                                && frequency.getOrDefault(meant.getKey(), 0) >= MISSPELT_RATIO * count);
                if (slip) {
                    misspelt.add(word);
                }
            }
        });
        return misspelt;
    }

    /** The utterance with every mendable slip mended; everything but the mended words is left as it was. */
    public String correct(String text) {
        boolean sentence = WORD.matcher(text).results().count() >= MIN_SENTENCE_WORDS;
        Matcher words = WORD.matcher(text);
        StringBuilder corrected = null;
        int copied = 0;
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            // A capitalised unknown word is most likely a name ("Acme" is not "came"), unless it merely opens a
            // sentence ("Waht is the fee?"): slips come in lower case, or capitalised where any word would be.
            boolean opening = sentence && text.substring(0, words.start()).isBlank()
                    && words.group().equals(capitalised(word));
            // The encoder's vocabulary has two-letter fragments of every kind ("nt", "te", "ou"): no shield.
            boolean known = frequency.containsKey(word) || word.length() >= MIN_TYPED_LENGTH && knownWords.contains(word);
            if (!(word.equals(words.group()) || opening) || word.length() < MIN_LENGTH || known) {
                continue;
            }
            String mended = nearest(word);
            if (mended != null) {
                corrected = corrected == null ? new StringBuilder(text.length()) : corrected;
                corrected.append(text, copied, words.start()).append(opening ? capitalised(mended) : mended);
                copied = words.end();
            }
        }
        return corrected == null ? text : corrected.append(text, copied, text.length()).toString();
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    /**
     * The example word one slip from {@code word} with the highest frequency times likelihood of that slip (ties:
     * alphabetically first), or null.
     */
    private String nearest(String word) {
        String best = null;
        double bestScore = 0;
        boolean shortWord = word.length() < MIN_TYPED_LENGTH;
        for (Map.Entry<String, Double> candidate : Slips.undoing(word, alphabet).entrySet()) {
            String meant = candidate.getKey();
            if (shortWord && (candidate.getValue() < Slips.LIKELY || meant.length() < word.length())) {
                continue;
            }
            double score = frequency.getOrDefault(meant, 0) * candidate.getValue();
            if (score > bestScore || score == bestScore && score > 0 && meant.compareTo(best) < 0) {
                best = meant;
                bestScore = score;
            }
        }
        return best;
    }

    void write(ModelOutput out) throws IOException {
        out.writeCounts(frequency);
        out.writeString(new String(alphabet));
    }

    /** @param knownWords the encoder's whole words, as at training: they are the encoder's, not the model's */
    static Spelling read(ModelInput in, Set<String> knownWords) throws IOException {
        Map<String, Integer> frequency = in.readCounts();
        return new Spelling(frequency, knownWords, in.readString().toCharArray());
    }
}
