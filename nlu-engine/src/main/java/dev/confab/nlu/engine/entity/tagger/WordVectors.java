package dev.confab.nlu.engine.entity.tagger;

import dev.confab.nlu.engine.SentenceEncoder;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Word embeddings for the tagger, from the sentence encoder applied to single words and kept per word: an
 * assistant's vocabulary is a few thousand words, so after training nearly every lookup is a cache hit.
 */
public final class WordVectors {

    /** Beyond this many words new ones are encoded each time instead of kept, bounding memory (~1.5 KB each). */
    private static final int MAX_CACHED = 50_000;

    private final SentenceEncoder encoder;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public WordVectors(SentenceEncoder encoder) {
        this.encoder = encoder;
    }

    float[] of(String word) {
        String key = word.toLowerCase(Locale.ROOT);
        float[] cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        // The encoder refuses blank text; a token of invisible characters means nothing.
        float[] vector = key.isBlank() ? new float[dimensions()] : encoder.encode(key);
        if (cache.size() < MAX_CACHED) {
            cache.put(key, vector);
        }
        return vector;
    }

    int dimensions() {
        return of("the").length;
    }
}
