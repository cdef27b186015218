package dev.confab.nlu.engine.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words that characterise each cluster: class-based TF-IDF, a word's frequency in the cluster weighted by how
 * few clusters use it, so "card" (everywhere in a bank) ranks below "declined" (in one cluster).
 */
final class Keywords {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}']+");
    /** Function words that would otherwise top every cluster. */
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "you", "your", "can", "how", "what",
            "why", "when", "where", "who", "which", "that", "this", "with", "from", "have", "has", "had", "does",
            "did", "was", "were", "are", "is", "been", "being", "will", "would", "could", "should", "not", "but",
            "any", "all", "get", "got", "there", "their", "them", "they", "i'm", "i've", "it's", "don't", "please",
            "about", "into", "out", "just", "some", "need", "want", "like", "know", "tell", "still", "yet", "too",
            "its", "our", "his", "her", "him", "she", "one", "now", "then", "than", "also", "much", "many", "very");

    private Keywords() {
    }

    /** Per cluster (in the order given), its top keywords. */
    static List<List<String>> of(List<List<String>> clusters, int top) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> clustersUsing = new HashMap<>();
        for (List<String> texts : clusters) {
            Map<String, Integer> count = new HashMap<>();
            texts.forEach(text -> words(text).forEach(word -> count.merge(word, 1, Integer::sum)));
            count.keySet().forEach(word -> clustersUsing.merge(word, 1, Integer::sum));
            counts.add(count);
        }
        List<List<String>> keywords = new ArrayList<>();
        for (int c = 0; c < clusters.size(); c++) {
            Map<String, Integer> count = counts.get(c);
            int size = clusters.get(c).size();
            keywords.add(count.entrySet().stream()
                    .sorted((a, b) -> Double.compare(
                            weight(b.getValue(), size, clustersUsing.get(b.getKey()), clusters.size()),
                            weight(a.getValue(), size, clustersUsing.get(a.getKey()), clusters.size())))
                    .limit(top)
                    .map(Map.Entry::getKey)
                    .toList());
        }
        return keywords;
    }

    private static double weight(int count, int clusterSize, int clustersUsing, int clusters) {
        return (count / (double) clusterSize) * Math.log(1 + clusters / (double) clustersUsing);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            if (matcher.group().length() > 2 && !STOP_WORDS.contains(matcher.group())) {
                words.add(matcher.group());
            }
        }
        return words;
    }
}
