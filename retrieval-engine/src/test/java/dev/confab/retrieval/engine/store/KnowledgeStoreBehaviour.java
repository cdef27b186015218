package dev.confab.retrieval.engine.store;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every knowledge store must do, with the real encoder's vectors over the sample bank knowledge: find the section
 * that answers with what a citation needs, search lexically and densely, filter, replace and delete documents
 * atomically, keep tenants apart. Each store's test runs it against a real instance of that store (or, for Qdrant
 * without {@code QDRANT_URL}, the Qdrant-protocol test server). Collections get a fresh tenant per run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KnowledgeStoreBehaviour {

    protected final String tenant = "test-" + UUID.randomUUID().toString().substring(0, 8);
    protected final Collection bank = new Collection(tenant, "bank-support");
    protected KnowledgeStore store;

    /** The store under test, ready to use. */
    protected abstract KnowledgeStore connect();

    @BeforeAll
    void indexTheSampleKnowledge() {
        store = connect();
        SampleKnowledge.indexAll(store, bank);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void hybridSearchFindsTheSectionThatAnswersWithItsCitation() {
        IndexedChunk best = search("my new card still hasn't come in the post", SearchMode.HYBRID, Set.of()).get(0)
                .chunk();

        assertThat(best.documentId()).isEqualTo("cards");
        assertThat(best.headings()).containsExactly("Cards", "Card delivery");
        assertThat(best.url()).isEqualTo("https://bank.example/help/cards");
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
        assertThat(search("how much does it cost", SearchMode.HYBRID, Set.of("fees")))
                .isNotEmpty()
                .allSatisfy(candidate -> assertThat(candidate.chunk().tags()).containsExactly("fees"));
    }

    @Test
    void replacingADocumentLeavesOnlyItsNewChunksAndDeletingItLeavesNone() {
        Collection shop = new Collection(tenant, "shop");
        store.replace(shop, "delivery", SampleKnowledge.chunks("delivery", "# Delivery\n\nParcels arrive by courier."));
        store.replace(shop, "delivery", SampleKnowledge.chunks("delivery", "# Delivery\n\nParcels arrive by drone."));

        assertThat(store.count(shop)).isEqualTo(1);
        assertThat(store.search(shop, query("how do parcels arrive", SearchMode.HYBRID, Set.of())))
                .extracting(candidate -> candidate.chunk().text())
                .containsExactly("Parcels arrive by drone.");

        store.delete(shop, "delivery");
        store.delete(shop, "delivery");
        assertThat(store.count(shop)).isZero();
        assertThat(store.search(shop, query("how do parcels arrive", SearchMode.HYBRID, Set.of()))).isEmpty();
    }

    @Test
    void collectionsAreIsolated() {
        Collection other = new Collection(tenant + "-other", "bank-support");

        assertThat(store.count(other)).isZero();
        assertThat(store.search(other, query("card delivery", SearchMode.HYBRID, Set.of()))).isEmpty();
    }

    protected List<Candidate> search(String text, SearchMode mode, Set<String> tags) {
        return store.search(bank, query(text, mode, tags));
    }

    protected static StoreQuery query(String text, SearchMode mode, Set<String> tags) {
        return new StoreQuery(text, SampleKnowledge.embedder().embed(text), mode, tags, Set.of(), 10, 0.9);
    }
}
