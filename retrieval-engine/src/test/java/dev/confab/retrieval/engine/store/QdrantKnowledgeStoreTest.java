package dev.confab.retrieval.engine.store;

import dev.confab.testsupport.QdrantProtocolTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Qdrant adapter over real gRPC against the in-process {@link QdrantProtocolTestServer} (not a Qdrant): the shared
 * behaviour, plus what only a test server can stage, Qdrant failing mid-way.
 */
class QdrantKnowledgeStoreTest extends KnowledgeStoreBehaviour {

    private final QdrantProtocolTestServer server = new QdrantProtocolTestServer();

    @Override
    protected KnowledgeStore connect() {
        return QdrantKnowledgeStore.connect(server.url(), null, 384, Duration.ofSeconds(2));
    }

    @AfterAll
    void stopServer() {
        server.close();
    }

    @Test
    void aFailedReplaceKeepsTheOldChunksAndSaysTheStoreIsUnavailable() {
        Collection shop = new Collection(tenant, "returns");
        store.replace(shop, "returns", SampleKnowledge.chunks("returns", "# Returns\n\nReturns are free for 30 days."));

        server.failNext(1);
        assertThatThrownBy(() -> store.replace(shop, "returns",
                SampleKnowledge.chunks("returns", "# Returns\n\nReturns cost £5.")))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(server.points(shop.name())).isEqualTo(1);
        assertThat(store.search(shop, query("are returns free", SearchMode.HYBRID, Set.of())))
                .extracting(candidate -> candidate.chunk().text())
                .containsExactly("Returns are free for 30 days.");
    }

    @Test
    void anUnreachableQdrantIsReportedNotHidden() {
        server.failNext(1);
        assertThat(store.reachable()).isFalse();
        assertThat(store.reachable()).isTrue();

        server.failNext(1);
        assertThatThrownBy(() -> search("card delivery", SearchMode.HYBRID, Set.of()))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
