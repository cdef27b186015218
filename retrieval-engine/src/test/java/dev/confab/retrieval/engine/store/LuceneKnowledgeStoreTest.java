package dev.confab.retrieval.engine.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store on a real on-disk Lucene index, with the real encoder's vectors. */
class LuceneKnowledgeStoreTest {

    private final Collection bank = new Collection("acme", "bank-support");

    @TempDir
    Path directory;

    private LuceneKnowledgeStore store;

    @BeforeEach
    void indexTheSampleKnowledge() {
        store = new LuceneKnowledgeStore(directory);
        SampleKnowledge.indexAll(store, bank);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void hybridSearchFindsTheSectionThatAnswersAndItsSpanInTheDocument() {
        List<Candidate> found = search("my new card still hasn't come in the post", SearchMode.HYBRID, Set.of());

        IndexedChunk best = found.get(0).chunk();
        assertThat(best.documentId()).isEqualTo("cards");
        assertThat(best.headings()).containsExactly("Cards", "Card delivery");
        assertThat(SampleKnowledge.text("cards").substring(best.start(), best.end())).isEqualTo(best.text());
    }

    @Test
    void eachModeUsesItsOwnRetriever() {
        // "SEPA" is a rare term a lexical retriever finds exactly; stop words alone give it nothing to match.
        assertThat(search("SEPA", SearchMode.BM25, Set.of())).isNotEmpty()
                .allSatisfy(candidate -> assertThat(candidate.chunk().text()).contains("SEPA"));
        assertThat(search("the the the", SearchMode.BM25, Set.of())).isEmpty();
        assertThat(search("the the the", SearchMode.DENSE, Set.of())).isNotEmpty();
    }

    @Test
    void filtersByTag() {
        assertThat(search("how much does it cost", SearchMode.HYBRID, Set.of("cards")))
                .isNotEmpty()
                .allSatisfy(candidate -> assertThat(candidate.chunk().tags()).containsExactly("cards"));
    }

    @Test
    void replacingADocumentLeavesOnlyItsNewChunks() {
        long before = store.count(bank);
        int oldChunks = SampleKnowledge.chunks("fees", SampleKnowledge.text("fees")).size();

        store.replace(bank, "fees", SampleKnowledge.chunks("fees", "# Fees\n\nThe Premium plan costs £7 a month."));

        assertThat(store.count(bank)).isEqualTo(before - oldChunks + 1);
        List<Candidate> fees = store.search(bank, query("premium plan price", SearchMode.HYBRID, Set.of(), Set.of("fees")));
        assertThat(fees).extracting(candidate -> candidate.chunk().text())
                .containsExactly("The Premium plan costs £7 a month.");
    }

    @Test
    void deletingADocumentRemovesItFromSearch() {
        store.delete(bank, "fees");
        store.delete(bank, "fees");

        assertThat(store.search(bank, query("fees", SearchMode.HYBRID, Set.of(), Set.of("fees")))).isEmpty();
    }

    @Test
    void theIndexOutlivesTheProcessOnDisk() {
        long count = store.count(bank);
        store.close();

        store = new LuceneKnowledgeStore(directory);

        assertThat(store.count(bank)).isEqualTo(count);
        assertThat(search("my new card still hasn't come in the post", SearchMode.HYBRID, Set.of()).get(0)
                .chunk().documentId()).isEqualTo("cards");
    }

    @Test
    void collectionsAreIsolated() {
        Collection other = new Collection("globex", "bank-support");

        assertThat(store.count(other)).isZero();
        assertThat(store.search(other, query("card delivery", SearchMode.HYBRID, Set.of(), Set.of()))).isEmpty();
    }

    private List<Candidate> search(String text, SearchMode mode, Set<String> tags) {
        return store.search(bank, query(text, mode, tags, Set.of()));
    }

    private static StoreQuery query(String text, SearchMode mode, Set<String> tags, Set<String> documentIds) {
        return new StoreQuery(text, SampleKnowledge.embedder().embed(text), mode, tags, documentIds, 10,
                0.9);
    }
}
