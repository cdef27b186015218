package dev.confab.nlu.engine;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/** Reads the whole words of a Hugging Face WordPiece tokenizer file ({@code model.vocab}) from the classpath. */
final class TokenizerVocabulary {

    private TokenizerVocabulary() {
    }

    static Set<String> wholeWords(String resource) {
        try (InputStream json = TokenizerVocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (json == null) {
                throw new IllegalStateException("Tokenizer " + resource + " is not on the classpath");
            }
            Set<String> words = new HashSet<>();
            Iterator<String> entries = new ObjectMapper().readTree(json).path("model").path("vocab").fieldNames();
            while (entries.hasNext()) {
                String entry = entries.next();
                // "##ing" continues a word; "[CLS]" and punctuation are not words.
                if (entry.chars().allMatch(Character::isLetter)) {
                    words.add(entry);
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read tokenizer " + resource, e);
        }
    }
}
