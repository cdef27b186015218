package dev.confab.retrieval.engine;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a follow-up ("and for virtual ones?", "how much does it cost?") into a query that stands on its own by
 * prefixing the user's previous message, which names what the follow-up refers to. A self-contained question is left
 * alone, since adding an old topic to it would only blur it. This is the heuristic rewriter; it needs no model.
 */
public final class QueryRewriter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}']+");
    private static final Set<String> REFERRING = Set.of("it", "its", "it's", "that", "this", "those", "these", "them",
            "they", "their", "one", "ones", "there", "same", "else");
    private static final Set<String> CONTINUING = Set.of("and", "but", "also", "or", "what about", "how about");
    /** A question this short ("why?", "how long?") cannot carry its own topic. */
    private static final int MIN_SELF_CONTAINED_WORDS = 4;

    public String rewrite(String query, List<String> context) {
        if (context.isEmpty() || !followsUp(query)) {
            return query;
        }
        return context.get(context.size() - 1).strip() + " " + query.strip();
    }

    /** Whether the question leans on what came before: short, referring ("it", "those") or continuing ("and …"). */
    public static boolean followsUp(String query) {
        String lower = query.toLowerCase(Locale.ROOT).strip();
        List<String> words = WORD.matcher(lower).results().map(match -> match.group()).toList();
        return words.size() < MIN_SELF_CONTAINED_WORDS
                || words.stream().anyMatch(REFERRING::contains)
                || CONTINUING.stream().anyMatch(start -> lower.startsWith(start + " "));
    }
}
