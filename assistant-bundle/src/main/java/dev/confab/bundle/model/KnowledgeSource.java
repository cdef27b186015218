package dev.confab.bundle.model;

import java.util.List;

/** A document of the assistant's knowledge base, shipped in the bundle and ingested by retrieval. */
public record KnowledgeSource(String path, String title, String url, List<String> tags) {

    public KnowledgeSource {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
