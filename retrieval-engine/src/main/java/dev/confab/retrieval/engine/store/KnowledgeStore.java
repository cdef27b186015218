package dev.confab.retrieval.engine.store;

import java.util.List;

/**
 * Where chunks live and are searched: Lucene on local disk, or Qdrant. Every method is blocking; callers run it off
 * the event loop. A store that cannot be reached throws {@link StoreUnavailableException}.
 */
public interface KnowledgeStore extends AutoCloseable {

    /** Replaces every chunk of the document with these, all or nothing: a failure leaves the old chunks searchable. */
    void replace(Collection collection, String documentId, List<IndexedChunk> chunks);

    /** Deletes every chunk of the document; deleting what is not there is not an error. */
    void delete(Collection collection, String documentId);

    /** The best chunks for the query, fused across the retrievers its mode asks for, best first. */
    List<Candidate> search(Collection collection, StoreQuery query);

    /** How many chunks the collection holds. */
    long count(Collection collection);

    /** Whether the store answers now, for readiness. */
    boolean reachable();

    /** A short name for logs, health and metrics: {@code lucene} or {@code qdrant}. */
    String kind();

    /** Releases files or connections; the store is not used afterwards. */
    @Override
    void close();
}
