package dev.confab.nlu.benchmark;

import dev.confab.nlu.engine.IntentPrediction;
import dev.confab.nlu.engine.entity.EntityMatch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one message costs nlu-service: intents alone, and the whole parse (intents with multi-intent check,
 * system entities, slots, language), as latency percentiles per utterance (sample mode) and as throughput on
 * every core (utterances per second with two threads), plus the sentence encoder alone, one text and a batch.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseSerialGC"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ParseBenchmark {

    private static final int BATCH = 32;

    private int next;

    private String utterance() {
        next = (next + 1) % NluPipelineState.UTTERANCES.size();
        return NluPipelineState.UTTERANCES.get(next);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object intents(NluPipelineState nlu) {
        return nlu.classifier.classify(utterance());
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void parse(NluPipelineState nlu, Blackhole sink) {
        parseOnce(nlu, utterance(), sink);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(2)
    public void parseOnAllCores(NluPipelineState nlu, Blackhole sink) {
        parseOnce(nlu, utterance(), sink);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[] encodeOne(NluPipelineState nlu) {
        return nlu.encoder.encode(utterance());
    }

    /** 32 texts in one call: divide by 32 to compare with {@link #encodeOne}. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public float[][] encodeBatchOf32(NluPipelineState nlu) {
        List<String> batch = new ArrayList<>(BATCH);
        for (int i = 0; i < BATCH; i++) {
            batch.add(utterance());
        }
        return nlu.encoder.encodeAll(batch);
    }

    private static void parseOnce(NluPipelineState nlu, String text, Blackhole sink) {
        IntentPrediction prediction = nlu.classifier.classify(text);
        sink.consume(prediction);
        sink.consume(nlu.categories.read(prediction.embedding()));
        List<EntityMatch> entities = nlu.entities.recognize(text, NluPipelineState.NOW);
        sink.consume(nlu.slots.tag(text, entities));
        sink.consume(nlu.languages.identify(text));
    }
}
