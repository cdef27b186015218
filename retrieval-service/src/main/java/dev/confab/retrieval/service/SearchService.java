package dev.confab.retrieval.service;

import dev.confab.contracts.event.RetrievalPerformed;
import dev.confab.contracts.event.RetrievalRequested;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Searches the knowledge base. Nothing can be ingested yet, so the knowledge base is empty and every search
 * answers with no passages, the explicit "no answer" that dialog and generation handle.
 */
@ApplicationScoped
public class SearchService {

    public RetrievalPerformed search(RetrievalRequested request) {
        return new RetrievalPerformed(request.query(), List.of());
    }
}
