package dev.baton.offline;

import dev.baton.task.AnswerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds benchmarks by name or path. The built-in ones are vendored recordings of real models' replies:
 * {@code gsm8k} (1,319 GSM8K test questions, answer type number) and {@code math-l5} (721 MATH level-5
 * problems, answer type math), each with 28 models' replies from ZeroEval, and {@code mmlu-pro} (7,079 ten-option
 * MMLU-Pro questions in seven subjects, answer type choice, the subject in each task's {@code category}) with 13
 * models' answers from TIGER-AI-Lab, where the best model differs by subject.
 */
public final class Benchmarks {

    private static final Map<String, AnswerType> BUILT_IN = Map.of("gsm8k", AnswerType.NUMBER, "math-l5", AnswerType.MATH,
            "mmlu-pro", AnswerType.CHOICE);
    /** Where each built-in benchmark lives among the jar's resources (the repository's {@code data/} folder). */
    private static final Map<String, String> RESOURCES = Map.of("gsm8k", "/baton-data/zeroeval/gsm8k.jsonl.gz",
            "math-l5", "/baton-data/zeroeval/math-l5.jsonl.gz", "mmlu-pro", "/baton-data/mmlu-pro/mmlu-pro.jsonl.gz");

    private Benchmarks() {
    }

    /** Returns the names of the built-in benchmarks. */
    public static java.util.List<String> builtIn() {
        return BUILT_IN.keySet().stream().sorted().toList();
    }

    /**
     * Loads a built-in benchmark by name, or any file in the same JSONL schema by path.
     *
     * @param spec       {@code gsm8k}, {@code math-l5}, {@code mmlu-pro}, or a path to a {@code .jsonl} / {@code .jsonl.gz} file
     * @param answerType the answer type of records that do not name one
     * @throws BenchmarkFormatException when the name is unknown, the file is missing or malformed
     */
    public static RecordedBenchmark load(String spec, Optional<AnswerType> answerType) {
        try {
            AnswerType builtInType = BUILT_IN.get(spec);
            if (builtInType != null) {
                String resource = RESOURCES.get(spec);
                try (InputStream in = Benchmarks.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar lacks " + resource + ": rebuild with ./baton");
                    }
                    return RecordedBenchmarkReader.read(spec, spec, in, Optional.of(answerType.orElse(builtInType)));
                }
            }
            Path path = Path.of(spec);
            if (!Files.isRegularFile(path)) {
                throw new BenchmarkFormatException("unknown benchmark '" + spec + "': use " + String.join(", ", builtIn())
                        + ", or the path of a .jsonl/.jsonl.gz file (no such file here)");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return RecordedBenchmarkReader.read(nameOf(path), path.toString(), in, answerType);
            }
        } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new BenchmarkFormatException(spec + " is not a complete gzip file (" + e.getMessage() + ")", e);
        } catch (NoSuchFileException e) {
            throw new BenchmarkFormatException("benchmark file not found: " + e.getFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read benchmark " + spec + ": " + e.getMessage(), e);
        }
    }

    /** Returns a file's benchmark name: its file name without {@code .gz} and {@code .jsonl}. */
    static String nameOf(Path path) {
        return path.getFileName().toString().replaceFirst("\\.gz$", "").replaceFirst("\\.jsonl?$", "");
    }
}
