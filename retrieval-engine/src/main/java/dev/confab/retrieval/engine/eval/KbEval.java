package dev.confab.retrieval.engine.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.confab.nlu.engine.SentenceEncoder;
import dev.confab.nlu.engine.eval.Options;
import dev.confab.nlu.engine.eval.Percentiles;
import dev.confab.retrieval.engine.DocumentChunks;
import dev.confab.retrieval.engine.Embedder;
import dev.confab.retrieval.engine.Hit;
import dev.confab.retrieval.engine.KnowledgeSearch;
import dev.confab.retrieval.engine.SearchSettings;
import dev.confab.retrieval.engine.chunk.Chunker;
import dev.confab.retrieval.engine.store.Collection;
import dev.confab.retrieval.engine.store.IndexedChunk;
import dev.confab.retrieval.engine.store.LuceneKnowledgeStore;
import dev.confab.retrieval.engine.store.SearchMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code bin/kb-eval}: indexes a BEIR corpus into the embedded store exactly as the service indexes documents
 * (chunker, encoder, Lucene), runs every judged query through the service's search, and reports nDCG@10,
 * recall@10/100 and per-query latency (embedding included).
 */
public final class KbEval {

    private static final int DEPTH = 100;
    private static final Collection EVALUATION = new Collection("eval", "kb");

    private KbEval() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options;
        try {
            options = Options.parse(args,
                    Map.of("--mode", "hybrid", "--encoder", SentenceEncoder.Kind.ALL_MINILM_L6_V2_Q.id(),
                            "--chunk-chars", "800", "--overlap-chars", "150", "--dense-weight", "0.9"),
                    List.of("--corpus", "--queries", "--qrels"), List.of("--out"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: bin/kb-eval --corpus corpus.jsonl --queries queries.jsonl --qrels qrels.tsv "
                    + "[--mode dense|bm25|hybrid] [--out FILE.json] [--encoder ID] [--chunk-chars N] "
                    + "[--overlap-chars N] [--dense-weight 0.9]");
            System.exit(2);
            return;
        }
        BeirDataset dataset = BeirDataset.read(Path.of(options.get("--corpus")), Path.of(options.get("--queries")),
                Path.of(options.get("--qrels")));
        SearchMode mode = SearchMode.valueOf(options.get("--mode").toUpperCase(Locale.ROOT));
        Embedder embedder = new Embedder(new SentenceEncoder(SentenceEncoder.Kind.fromId(options.get("--encoder"))),
                32);
        Chunker chunker = new Chunker(Integer.parseInt(options.get("--chunk-chars")),
                Integer.parseInt(options.get("--overlap-chars")));
        Path index = Files.createTempDirectory("kb-eval");
        try (LuceneKnowledgeStore store = new LuceneKnowledgeStore(index)) {
            long started = System.nanoTime();
            int chunks = indexCorpus(dataset, new DocumentChunks(chunker, embedder), store);
            double indexingSeconds = (System.nanoTime() - started) / 1e9;
            // No similarity cut-off and no diversification: the ranking itself is what is measured.
            SearchSettings ranking = new SearchSettings(DEPTH, 0, 1, Double.parseDouble(options.get("--dense-weight")));
            Map<String, Object> report = evaluate(dataset, mode, new KnowledgeSearch(embedder, store, ranking));
            report.put("encoder", embedder.model());
            report.put("corpus_documents", dataset.corpus().size());
            report.put("corpus_chunks", chunks);
            report.put("indexing_chunks_per_second", Math.round(chunks / indexingSeconds));
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
            System.out.println(json);
            if (options.containsKey("--out")) {
                Files.writeString(Path.of(options.get("--out")), json + "\n");
            }
        }
    }

    private static int indexCorpus(BeirDataset dataset, DocumentChunks chunking, LuceneKnowledgeStore store) {
        int count = 0;
        for (BeirDataset.Entry entry : dataset.corpus().values()) {
            List<IndexedChunk> chunks = chunking.of(entry.id(), entry.title(), null, List.of(), entry.text());
            store.replace(EVALUATION, entry.id(), chunks);
            count += chunks.size();
        }
        return count;
    }

    private static Map<String, Object> evaluate(BeirDataset dataset, SearchMode mode, KnowledgeSearch search) {
        List<String> judged = dataset.queries().keySet().stream()
                .filter(dataset.qrels()::containsKey)
                .toList();
        double ndcg10 = 0;
        double recall10 = 0;
        double recall100 = 0;
        double[] latencies = new double[judged.size()];
        for (int q = 0; q < judged.size(); q++) {
            String id = judged.get(q);
            long started = System.nanoTime();
            List<Hit> hits = search.search(EVALUATION, dataset.queries().get(id), mode, Set.of(), Set.of(), DEPTH);
            latencies[q] = (System.nanoTime() - started) / 1e6;
            List<String> ranked = hits.stream().map(hit -> hit.chunk().documentId()).distinct().toList();
            Map<String, Integer> relevant = dataset.qrels().get(id);
            ndcg10 += RankingMetrics.ndcg(ranked, relevant, 10);
            recall10 += RankingMetrics.recall(ranked, relevant, 10);
            recall100 += RankingMetrics.recall(ranked, relevant, 100);
        }
        int n = Math.max(1, judged.size());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("mode", mode.name().toLowerCase(Locale.ROOT));
        report.put("queries", judged.size());
        report.put("ndcg_at_10", round(ndcg10 / n));
        report.put("recall_at_10", round(recall10 / n));
        report.put("recall_at_100", round(recall100 / n));
        report.put("latency_ms_p50", round(Percentiles.of(latencies, 50)));
        report.put("latency_ms_p99", round(Percentiles.of(latencies, 99)));
        return report;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
