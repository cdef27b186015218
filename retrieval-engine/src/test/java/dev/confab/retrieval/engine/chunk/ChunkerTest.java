package dev.confab.retrieval.engine.chunk;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Structure-aware chunking on the sample bank's knowledge base. */
class ChunkerTest {

    private static final Path CARDS = Path.of("../assistants/bank-support/knowledge/cards.md");

    @Test
    void keepsEachChunkUnderItsHeadingsAndWithinTheSize() throws IOException {
        String text = Files.readString(CARDS);

        List<Chunk> chunks = new Chunker(400, 100).chunk(text);

        assertThat(chunks).isNotEmpty().allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(400);
            assertThat(chunk.text()).isEqualTo(text.substring(chunk.start(), chunk.end()));
            assertThat(chunk.text()).doesNotContain("\n#");
        });
        assertThat(chunks).filteredOn(chunk -> chunk.text().startsWith("Block a card straight away"))
                .singleElement()
                .satisfies(chunk -> assertThat(chunk.headings()).containsExactly("Cards",
                        "Lost, stolen or compromised cards"));
        assertThat(chunks).extracting(Chunk::index).containsExactlyElementsOf(
                IntStream.range(0, chunks.size()).boxed().toList());
    }

    @Test
    void splitsALongSectionBetweenSentencesAndRepeatsTheBoundarySentence() {
        String section = "## Fees\n" + "Card payments abroad are free. ".repeat(3) + "Cash costs 2% above £200. "
                + "Exchange uses the interbank rate. ".repeat(3);

        List<Chunk> chunks = new Chunker(120, 50).chunk(section);

        assertThat(chunks).hasSizeGreaterThan(1).allSatisfy(chunk -> {
            assertThat(chunk.text()).endsWith(".");
            assertThat(chunk.headings()).containsExactly("Fees");
        });
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).as("overlaps the chunk before").isLessThan(chunks.get(i - 1).end());
        }
    }

    @Test
    void cutsAnEndlessSentenceBetweenWords() {
        String text = "word ".repeat(100).strip();

        List<Chunk> chunks = new Chunker(60, 0).chunk(text);

        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.text().length()).isLessThanOrEqualTo(60);
            assertThat(chunk.text()).startsWith("word").endsWith("word");
        });
        assertThat(String.join(" ", chunks.stream().map(Chunk::text).toList())).isEqualTo(text);
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new Chunker(20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Chunker(200, 150)).isInstanceOf(IllegalArgumentException.class);
    }
}
