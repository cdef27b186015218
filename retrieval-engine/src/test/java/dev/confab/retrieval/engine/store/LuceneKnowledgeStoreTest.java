package dev.confab.retrieval.engine.store;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store on a real on-disk Lucene index: the shared behaviour, plus surviving a restart. */
class LuceneKnowledgeStoreTest extends KnowledgeStoreBehaviour {

    private Path directory;

    @Override
    protected KnowledgeStore connect() {
        try {
            directory = Files.createTempDirectory("lucene-store-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LuceneKnowledgeStore(directory);
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
    void searchingAnAssistantWithoutKnowledgeLeavesNothingOnDisk() {
        Collection unknown = new Collection(tenant + "-nobody", "bank-support");

        assertThat(store.search(unknown, query("card delivery", SearchMode.HYBRID, Set.of()))).isEmpty();
        assertThat(store.count(unknown)).isZero();
        store.delete(unknown, "cards");

        assertThat(directory.resolve(unknown.name())).doesNotExist();
    }
}
