package dev.baton.learn.encode;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Encodes questions with all-MiniLM-L6-v2 (int8-quantized ONNX, 384 dimensions, mean-pooled and
 * L2-normalised), run in-process by ONNX Runtime from the model LangChain4j ships in its jar: no
 * download, no network, no GPU.
 *
 * <p><b>Long questions.</b> The tokenizer that ships with the model truncates to 128 word pieces
 * (126 after {@code [CLS]} and {@code [SEP]}), the length the model was fine-tuned on, so a longer
 * question never fails: it is encoded from its first 126 word pieces and the rest is ignored.
 * (LangChain4j would split text into 510-piece windows and average them, but the truncating tokenizer
 * means it never sees more than one window.) In the GSM8K and MATH level 5 benchmarks the median
 * question has 57 word pieces and 113 of 2,040 exceed 128, mostly MATH problems with long LaTeX or
 * Asymptote figures, whose tails are lost.
 *
 * <p><b>Threads.</b> Each text runs single-threaded inside ONNX Runtime and {@link #encodeAll}
 * spreads texts over {@code threads} worker threads: for a 22M-parameter model on sequences this
 * short, parallel texts use the cores better than parallel operators within one text. (On two
 * cores, 2,040 benchmark questions take 18 s this way against 24 s with LangChain4j's defaults,
 * which give every parallel text its own machine-wide operator thread pool.)
 *
 * <p>Instances are thread-safe. Close them to release the native session and the worker threads.
 */
public final class MiniLmEncoder implements QuestionEncoder, AutoCloseable {

    /** The id under which vectors from this encoder are cached. */
    public static final String ID = "all-minilm-l6-v2-q";

    /** The length of every vector. */
    public static final int DIMENSION = 384;

    private final OrtSession session;
    private final ExecutorService workers;
    private final MiniLmModel model;

    private MiniLmEncoder(OrtSession session, ExecutorService workers, MiniLmModel model) {
        this.session = session;
        this.workers = workers;
        this.model = model;
    }

    /** Loads the model with one worker thread per available processor. */
    public static MiniLmEncoder load() {
        return load(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Loads the model (about half a second) with the given number of worker threads for
     * {@link #encodeAll}.
     */
    public static MiniLmEncoder load(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OrtSession session;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            session = environment.createSession(MiniLmModel.readResource(MiniLmModel.MODEL_RESOURCE), options);
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the MiniLM ONNX model: " + e.getMessage(), e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform()
                .name("minilm-encoder-", 0)
                .daemon(true) // an encoder left open must not keep the JVM alive
                .factory());
        try {
            return new MiniLmEncoder(session, workers, new MiniLmModel(environment, session, workers));
        } catch (RuntimeException e) {
            workers.shutdown();
            closeQuietly(session, e);
            throw e;
        }
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int dimension() {
        return DIMENSION;
    }

    /**
     * Encodes one question on the calling thread.
     *
     * @throws IllegalArgumentException if the text is blank: it has no word pieces to pool
     */
    @Override
    public float[] encode(String text) {
        requireWords(text);
        return model.embed(text).content().vector();
    }

    /**
     * Encodes questions in parallel on the worker threads, returning vectors in the order of the texts.
     *
     * @throws IllegalArgumentException if any text is blank
     */
    @Override
    public List<float[]> encodeAll(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of(); // LangChain4j rejects an empty batch
        }
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            requireWords(text);
            segments.add(TextSegment.from(text));
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        List<float[]> vectors = new ArrayList<>(embeddings.size());
        for (Embedding embedding : embeddings) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    /** Rejects blank text up front: LangChain4j would fail on it deep inside pooling, with an index error. */
    private static void requireWords(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot encode a blank question");
        }
    }

    /** Stops the worker threads and releases the native ONNX session. */
    @Override
    public void close() {
        workers.shutdown();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close the MiniLM ONNX session: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(OrtSession session, RuntimeException failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }
}
