package dev.baton.offline;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.baton.grade.Graders;
import dev.baton.input.UnknownNameException;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads a benchmark in the recorded-replies JSONL schema, one task per line:
 *
 * <pre>{@code
 * {"id": "q1", "question": "...", "gold": "# 18", "answer_type": "number",
 *  "responses": {"gpt-4o": {"tail": "...", "chars": 812}, ...}}
 * }</pre>
 *
 * {@code answer_type} is optional when a default is given; {@code responses} is optional (a benchmark
 * without recordings still works with live pools); so is {@code reviews}, what models answered when they saw others'
 * replies ({@code baton record --reviews}):
 *
 * <pre>{@code
 *  "reviews": [{"worker": "gpt-4o", "saw": ["claude", "llama"], "tail": "...", "chars": 640,
 *               "input_tokens": 900, "output_tokens": 160}, ...]
 * }</pre>
 *
 * An optional {@code category} (a subject) becomes the task's
 * {@code category} metadata. A gold answer its task's grader cannot match ({@code NaN} for a number) is refused with
 * its line. Gzip is detected from the content, not the name.
 */
public final class RecordedBenchmarkReader {

    /**
     * The most bytes one record (one line) may hold: ten times the longest recorded reply we know of, and few
     * enough that a gzip bomb is refused after reading this much rather than when memory runs out.
     */
    public static final int MAX_RECORD_BYTES = 64 << 20;

    /** The most characters a recorded reply may claim to have had: 2.5 million tokens, beyond any model's output. */
    public static final int MAX_REPLY_CHARS = 10_000_000;

    // Jackson's own string limit (20 MB) would call a valid long reply "not valid JSON": ours is the record's
    // limit. A record nests three levels; 32 is plenty and keeps a parser's recursion short. A repeated key
    // would otherwise let its last value win silently.
    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_RECORD_BYTES).maxNestingDepth(32).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private RecordedBenchmarkReader() {
    }

    /**
     * Reads a benchmark.
     *
     * @param name              the benchmark's name (used for the train/test split)
     * @param source            where the data comes from, for error messages
     * @param in                the file's bytes, plain or gzip
     * @param defaultAnswerType the answer type of records without an {@code answer_type} field
     * @throws BenchmarkFormatException naming the line and the field that is wrong
     */
    public static RecordedBenchmark read(String name, String source, InputStream in,
                                         Optional<AnswerType> defaultAnswerType) throws IOException {
        List<Task> tasks = new ArrayList<>();
        Map<String, Map<String, RecordedReply>> replies = new HashMap<>();
        Map<String, List<RecordedReview>> reviews = new HashMap<>();
        Set<String> models = new LinkedHashSet<>();
        try (InputStream bytes = ungzip(in)) {
            RecordLines lines = new RecordLines(bytes, source, MAX_RECORD_BYTES);
            for (String line = lines.next(); line != null; line = lines.next()) {
                if (line.isBlank()) {
                    continue;
                }
                String where = source + " line " + lines.lineNumber();
                JsonNode record = parse(line, where);
                Task task = task(record, where, defaultAnswerType);
                if (replies.containsKey(task.id())) {
                    throw new BenchmarkFormatException(where + ": task id '" + task.id() + "' appears twice");
                }
                Map<String, RecordedReply> byModel = responses(record, where);
                models.addAll(byModel.keySet());
                replies.put(task.id(), byModel);
                List<RecordedReview> reviewed = reviews(record, where);
                if (!reviewed.isEmpty()) {
                    reviews.put(task.id(), reviewed);
                }
                tasks.add(task);
            }
        }
        if (tasks.isEmpty()) {
            throw new BenchmarkFormatException(source + " holds no tasks: expected one JSON object per line");
        }
        return new RecordedBenchmark(name, tasks, replies, List.copyOf(models), reviews);
    }

    private static InputStream ungzip(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new java.io.BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(buffered, 1 << 16) : buffered;
    }

    private static JsonNode parse(String line, String where) {
        try {
            JsonNode node = JSON.readTree(line);
            if (!node.isObject()) {
                throw new BenchmarkFormatException(where + ": expected a JSON object, got " + node.getNodeType());
            }
            return node;
        } catch (JacksonException e) {
            throw new BenchmarkFormatException(where + ": not valid JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static Task task(JsonNode record, String where, Optional<AnswerType> defaultAnswerType) {
        String id = text(record, "id", where);
        if (id.isBlank()) {
            throw new BenchmarkFormatException(where + ": field \"id\" must not be blank");
        }
        String question = text(record, "question", where);
        if (question.isBlank()) {
            throw new BenchmarkFormatException(where + ": field \"question\" must not be blank");
        }
        String gold = text(record, "gold", where);
        if (gold.isBlank()) {
            throw new BenchmarkFormatException(where + ": field \"gold\" must not be blank");
        }
        AnswerType type;
        if (record.hasNonNull("answer_type")) {
            try {
                type = AnswerType.parse(text(record, "answer_type", where));
            } catch (UnknownNameException e) {
                throw new BenchmarkFormatException(where + ": " + e.getMessage());
            }
        } else {
            type = defaultAnswerType.orElseThrow(() -> new BenchmarkFormatException(
                    where + ": the record has no \"answer_type\"; add one or pass --answer-type number|math|choice|text"));
        }
        // A gold its own grader cannot match, not even to itself (NaN for a number), can never be graded right: the file
        // is damaged, and reading it would lower every score without a word.
        if (!Graders.forType(type).equivalent(gold, gold)) {
            throw new BenchmarkFormatException(where + ": field \"gold\" is no " + type.id() + " answer a reply could match, got '"
                    + abbreviate(gold) + "': write " + goldExample(type));
        }
        return new Task(id, question, gold, type, metadata(record, where));
    }

    private static String goldExample(AnswerType type) {
        return switch (type) {
            case NUMBER -> "one finite number, such as \"18\" or \"# 18\"";
            case MATH -> "a LaTeX expression, such as \"\\frac{1}{2}\"";
            case CHOICE -> "an option letter, such as \"C\"";
            case TEXT -> "the answer's words";
        };
    }

    /** The optional {@code category} (MMLU-Pro's subject), carried to reports as task metadata. */
    private static Map<String, String> metadata(JsonNode record, String where) {
        if (!record.hasNonNull("category")) {
            return Map.of();
        }
        String category = text(record, "category", where).strip();
        return category.isEmpty() ? Map.of() : Map.of("category", category);
    }

    private static Map<String, RecordedReply> responses(JsonNode record, String where) {
        Map<String, RecordedReply> byModel = new LinkedHashMap<>();
        JsonNode responses = record.get("responses");
        if (responses == null || responses.isNull()) {
            return byModel;
        }
        if (!responses.isObject()) {
            throw new BenchmarkFormatException(where + ": \"responses\" must be an object of model id to {tail, chars}");
        }
        for (Map.Entry<String, JsonNode> entry : responses.properties()) {
            JsonNode reply = entry.getValue();
            String field = "responses." + entry.getKey();
            byModel.put(entry.getKey(), reply(reply, where, field));
        }
        return byModel;
    }

    /** Reads one recorded reply: its text ({@code tail}), full length ({@code chars}) and billed tokens. */
    private static RecordedReply reply(JsonNode reply, String where, String field) {
        if (!reply.isObject() || !reply.hasNonNull("tail") || !reply.get("tail").isTextual()) {
            throw new BenchmarkFormatException(where + ": \"" + field + "\" needs a text field \"tail\"");
        }
        String tail = reply.get("tail").asText();
        JsonNode charsField = reply.get("chars");
        int chars;
        if (charsField == null) {
            chars = tail.length();
        } else if (charsField.isIntegralNumber() && charsField.canConvertToInt() && charsField.intValue() >= 0
                && charsField.intValue() <= MAX_REPLY_CHARS) {
            chars = charsField.intValue();
        } else {
            throw new BenchmarkFormatException(where + ": \"" + field + ".chars\" must be an integer from 0 to " + MAX_REPLY_CHARS
                    + ", got " + abbreviate(charsField.toString()));
        }
        return new RecordedReply(tail, chars, tokens(reply, "input_tokens", where, field), tokens(reply, "output_tokens", where, field));
    }

    /** Reads the optional {@code reviews}: what a model answered when it saw other models' solo replies. */
    private static List<RecordedReview> reviews(JsonNode record, String where) {
        JsonNode reviews = record.get("reviews");
        if (reviews == null || reviews.isNull()) {
            return List.of();
        }
        if (!reviews.isArray()) {
            throw new BenchmarkFormatException(where + ": \"reviews\" must be an array of {worker, saw, tail, chars}");
        }
        List<RecordedReview> read = new ArrayList<>();
        for (int i = 0; i < reviews.size(); i++) {
            JsonNode review = reviews.get(i);
            String field = "reviews[" + i + "]";
            if (!review.isObject() || !review.path("worker").isTextual() || review.get("worker").asText().isBlank()) {
                throw new BenchmarkFormatException(where + ": \"" + field + "\" needs a text field \"worker\"");
            }
            String worker = review.get("worker").asText();
            JsonNode saw = review.get("saw");
            if (saw == null || !saw.isArray() || saw.isEmpty()) {
                throw new BenchmarkFormatException(where + ": \"" + field + ".saw\" must be a non-empty array of worker ids");
            }
            List<String> seen = new ArrayList<>();
            for (JsonNode peer : saw) {
                if (!peer.isTextual() || peer.asText().equals(worker) || seen.contains(peer.asText())) {
                    throw new BenchmarkFormatException(where + ": \"" + field + ".saw\" must list other workers than \""
                            + worker + "\", each once, got " + abbreviate(saw.toString()));
                }
                seen.add(peer.asText());
            }
            read.add(new RecordedReview(worker, seen, reply(review, where, field)));
        }
        return read;
    }

    /** Reads an optional billed token count of a recorded reply. */
    private static java.util.OptionalLong tokens(JsonNode reply, String name, String where, String field) {
        JsonNode value = reply.get(name);
        if (value == null || value.isNull()) {
            return java.util.OptionalLong.empty();
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new BenchmarkFormatException(where + ": \"" + field + "." + name + "\" must be a non-negative integer");
        }
        return java.util.OptionalLong.of(value.asLong());
    }

    private static String text(JsonNode record, String field, String where) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            throw new BenchmarkFormatException(where + ": missing field \"" + field + "\"");
        }
        if (!value.isTextual()) {
            throw new BenchmarkFormatException(where + ": field \"" + field + "\" must be a string, got " + abbreviate(value.toString()));
        }
        return value.asText();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
