package dev.confab.retrieval.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.nlu.engine.Example;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.eval.ExampleFiles;
import dev.confab.nlu.engine.eval.Options;
import dev.confab.nlu.engine.eval.Percentiles;
import dev.confab.retrieval.engine.Embedder;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.IndexedChunk;
import dev.confab.retrieval.engine.store.KnowledgeStore;
import dev.confab.retrieval.engine.store.LuceneKnowledgeStore;
import dev.confab.retrieval.engine.store.QdrantKnowledgeStore;
import dev.confab.retrieval.engine.store.SearchMode;
import dev.confab.retrieval.engine.store.StoreQuery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code bin/kb-bench}: fills the embedded store with many chunks and measures ingestion throughput and search latency
 * percentiles. Chunk texts and vectors are derived from real BANKING77 utterances (vectors are the encoder's, with
 * noise per chunk), so the store sees a realistic vocabulary and vector distribution without embedding 100k texts on
 * two cores; the encoder's own throughput is measured apart. {@code --qdrant-url} runs the same load on Qdrant.
 */
public final class KbBench {

    private static final Collection BENCH = new Collection("bench", "kb");
    private static final int BATCH = 1_000;
    private static final int WARM_UP_QUERIES = 200;

    private KbBench() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args,
                Map.of("--chunks", "100000", "--queries", "1000", "--mode", "hybrid", "--seed", "42"),
                List.of("--utterances"), List.of("--out", "--dir", "--qdrant-url"));
        int total = Integer.parseInt(options.get("--chunks"));
        int queryCount = Integer.parseInt(options.get("--queries"));
        SearchMode mode = SearchMode.valueOf(options.get("--mode").toUpperCase());
        Random random = new Random(Long.parseLong(options.get("--seed")));
        List<String> utterances = utterances(Path.of(options.get("--utterances")), random);
        Embedder embedder = new Embedder(new SentenceEncoder(SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q), 32);

        List<String> pool = utterances.subList(0, Math.min(2_000, utterances.size() / 2));
        long encodeStarted = System.nanoTime();
        List<float[]> poolVectors = embedder.embedAll(pool);
        double encoderPerSecond = pool.size() / ((System.nanoTime() - encodeStarted) / 1e9);

        Map<String, Object> report = new LinkedHashMap<>();
        try (KnowledgeStore store = open(options, embedder)) {
            long started = System.nanoTime();
            for (int from = 0; from < total; from += BATCH) {
                List<IndexedChunk> batch = new ArrayList<>(BATCH);
                for (int i = from; i < Math.min(total, from + BATCH); i++) {
                    int base = random.nextInt(pool.size());
                    batch.add(new IndexedChunk("doc-" + i / 10, "doc-" + i / 10 + "#" + i % 10, i % 10, "Doc " + i / 10,
                            null, List.of("tag-" + i % 20), List.of(), pool.get(base) + " "
                            + pool.get(random.nextInt(pool.size())), 0, 0, noisy(poolVectors.get(base), random)));
                }
                // One "document" of ten chunks per replace, as the indexer writes them; a commit per batch.
                for (int document = 0; document < batch.size(); document += 10) {
                    List<IndexedChunk> chunks = batch.subList(document, Math.min(batch.size(), document + 10));
                    store.replace(BENCH, chunks.get(0).documentId(), chunks);
                }
            }
            double ingestSeconds = (System.nanoTime() - started) / 1e9;

            List<String> queries = utterances.subList(utterances.size() / 2, utterances.size() / 2
                    + Math.min(queryCount + WARM_UP_QUERIES, utterances.size() / 2));
            List<float[]> queryVectors = embedder.embedAll(queries);
            double[] latencies = new double[queries.size() - WARM_UP_QUERIES];
            for (int q = 0; q < queries.size(); q++) {
                long searchStarted = System.nanoTime();
                store.search(BENCH, new StoreQuery(queries.get(q), queryVectors.get(q), mode, Set.of(), Set.of(), 50,
                        0.9));
                if (q >= WARM_UP_QUERIES) {
                    latencies[q - WARM_UP_QUERIES] = (System.nanoTime() - searchStarted) / 1e6;
                }
            }
            report.put("store", store.kind());
            report.put("mode", mode.name().toLowerCase());
            report.put("chunks", store.count(BENCH));
            report.put("ingest_chunks_per_second", Math.round(total / ingestSeconds));
            report.put("encoder_chunks_per_second", Math.round(encoderPerSecond));
            report.put("queries", latencies.length);
            report.put("search_ms_p50", round(Percentiles.of(latencies, 50)));
            report.put("search_ms_p99", round(Percentiles.of(latencies, 99)));
            report.put("heap_used_mb", (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        }
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
        System.out.println(json);
        if (options.containsKey("--out")) {
            Files.writeString(Path.of(options.get("--out")), json + "\n");
        }
    }

    /** Qdrant at {@code --qdrant-url} (gRPC), else Lucene in {@code --dir} or a temporary directory. */
    private static KnowledgeStore open(Map<String, String> options, Embedder embedder) throws IOException {
        if (options.containsKey("--qdrant-url")) {
            return QdrantKnowledgeStore.connect(options.get("--qdrant-url"), System.getenv("QDRANT_API_KEY"),
                    embedder.dimension(), Duration.ofSeconds(30));
        }
        return new LuceneKnowledgeStore(options.containsKey("--dir")
                ? Path.of(options.get("--dir"))
                : Files.createTempDirectory("kb-bench"));
    }

    /** BANKING77's utterances, shuffled with the seed so pool and queries mix intents. */
    private static List<String> utterances(Path csv, Random random) {
        List<String> texts = new ArrayList<>(ExampleFiles.readBanking77(csv).stream().map(Example::text).toList());
        Collections.shuffle(texts, random);
        return texts;
    }

    /** The vector moved a little in a random direction, so that no two chunks share one. */
    private static float[] noisy(float[] vector, Random random) {
        float[] moved = new float[vector.length];
        double norm = 0;
        for (int i = 0; i < vector.length; i++) {
            moved[i] = vector[i] + (float) (random.nextGaussian() * 0.02);
            norm += moved[i] * moved[i];
        }
        for (int i = 0; i < moved.length; i++) {
            moved[i] /= (float) Math.sqrt(norm);
        }
        return moved;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
