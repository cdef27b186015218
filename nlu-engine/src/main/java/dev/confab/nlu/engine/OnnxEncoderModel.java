package dev.confab.nlu.engine;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One of langchain4j's in-process encoders, with its ONNX Runtime session made here: one intra-op thread that
 * sleeps when idle. langchain4j's own session uses a thread per core that spins between calls, which on a small
 * machine shared with the rest of the suite burned most of a core at a few dozen messages a second
 * (docs/benchmarks.md, "The gateway under load"). One message alone encodes ~1 ms slower this way.
 */
final class OnnxEncoderModel extends AbstractInProcessEmbeddingModel {

    private final OnnxBertBiEncoder encoder;
    private final int dimension;

    /**
     * @param model     the ONNX file's resource name in the encoder's jar
     * @param tokenizer the tokenizer's resource name
     */
    OnnxEncoderModel(String model, String tokenizer, PoolingMode pooling, int dimension) {
        // langchain4j's default executor: batches (encodeAll) still use every core, one text a thread.
        super(null);
        this.dimension = dimension;
        ClassLoader resources = OnnxEncoderModel.class.getClassLoader();
        try (InputStream modelBytes = resources.getResourceAsStream(model);
             InputStream tokenizerJson = resources.getResourceAsStream(tokenizer)) {
            if (modelBytes == null || tokenizerJson == null) {
                throw new IllegalStateException("Encoder files " + model + " / " + tokenizer + " are not on the classpath");
            }
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(modelBytes.readAllBytes(), options);
            this.encoder = new OnnxBertBiEncoder(environment, session, tokenizerJson, pooling);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the encoder " + model, e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the encoder " + model, e);
        }
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return encoder;
    }

    @Override
    protected Integer knownDimension() {
        return dimension;
    }
}
