package dev.baton.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.baton.pool.PoolView;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link WorkflowText} checked on generated input: rendering then parsing gives back any workflow,
 * and no text, random or a damaged rendering, makes either parser fail with anything but a located
 * {@link WorkflowParseException}. Each property runs {@value #TRIES} cases from a fixed seed, so a failure names
 * its case and repeats exactly.
 */
class WorkflowTextPropertyTest {

    private static final int TRIES = 500;
    private static final long SEED = 20261126L;

    private static final List<String> SUBTASK_PIECES = List.of("\"", "'", "\\", "\\\"", "\\n", "\n", "\r\n", "\t",
            "\u0000", "\u001f", "é", "日本語", "😀", "\uD83D", "“", "”", "‘", "’", "[", "]", "[]", "[\"all\"]", ",", "=", ":",
            "#", "```", "model_id = [0]", "subtasks = [\"x\"]", "access_list = [[]]", "all", "none", "\\u0041", " ");
    private static final List<String> TEXT_PIECES = List.of("model_id", "subtasks", "access_list", " = ", ": ", "[",
            "]", "[[", "]]", ", ", "\"", "'", "“", "”", "\\", "\n", "```", "{", "}", "all", "none", "\"all\"", "0", "1",
            "7", "-1", "99999999999", "1.5", "Model 2", "\"model 1\"", "None", "\"a\" \"b\"", "\\u12", "#");
    private static final char[] EDIT_CHARS = {'[', ']', ',', '"', '\\', '\n', ' ', '0', '9', 'a', '“', '\'', '=', ':'};

    /** A workflow together with the pool view it was planned for. */
    record Planned(Workflow workflow, PoolView view) {
    }

    @Test
    void parseGivesBackWhatRenderWrote() {
        forAll(WorkflowTextPropertyTest::planned, planned -> {
            String text = WorkflowText.render(planned.workflow(), planned.view());

            assertThat(WorkflowText.parse(text, planned.view())).as(text).contains(planned.workflow());
        });
    }

    @Test
    void parseReportingReadsARenderingAsWrittenWithoutRepairs() {
        forAll(WorkflowTextPropertyTest::planned, planned -> {
            String text = WorkflowText.render(planned.workflow(), planned.view());

            ParsedWorkflow parsed = WorkflowText.parseReporting(text, planned.view());

            assertThat(parsed.workflow()).as(text).contains(planned.workflow());
            assertThat(parsed.repairs()).as(text).isEmpty();
        });
    }

    @Test
    void arbitraryTextFailsOnlyWithALocatedParseError() {
        forAll(random -> new TextCase(text(random), view(random)),
                sample -> assertParsesOrFailsLocated(sample.text(), sample.view()));
    }

    @Test
    void damagedRenderingFailsOnlyWithALocatedParseError() {
        forAll(random -> {
            Planned planned = planned(random);
            return new TextCase(damage(WorkflowText.render(planned.workflow(), planned.view()), random), planned.view());
        }, sample -> assertParsesOrFailsLocated(sample.text(), sample.view()));
    }

    /** A text to parse and the view to parse it for. */
    record TextCase(String text, PoolView view) {
    }

    /**
     * Checks both entry points on one text: each returns a workflow that fits the view, or throws a
     * {@link WorkflowParseException} whose offset lies in the text, or that names the list it did not find.
     */
    private static void assertParsesOrFailsLocated(String text, PoolView view) {
        Throwable strict = catchThrowable(() -> assertFitsView(WorkflowText.parse(text, view), view));
        assertLocatedParseErrorOrNone(strict, text);

        Throwable forgiving = catchThrowable(() -> {
            ParsedWorkflow parsed = WorkflowText.parseReporting(text, view);
            assertFitsView(parsed.workflow(), view);
            assertThat(parsed.repairs()).allSatisfy(repair -> assertThat(repair).matches("(?s).* \\(?\\d+:\\d+\\)?"));
        });
        assertLocatedParseErrorOrNone(forgiving, text);
    }

    private static void assertFitsView(Optional<Workflow> workflow, PoolView view) {
        workflow.ifPresent(w -> {
            assertThat(w.size()).isBetween(1, Workflow.MAX_STEPS);
            assertThat(w.steps()).allSatisfy(step -> {
                assertThat(view.contains(step.workerId())).isTrue();
                assertThat(step.subtask()).isNotBlank();
            });
        });
    }

    private static void assertLocatedParseErrorOrNone(Throwable thrown, String text) {
        if (thrown == null) {
            return;
        }
        assertThat(thrown).isInstanceOf(WorkflowParseException.class);
        WorkflowParseException e = (WorkflowParseException) thrown;
        if (e.offset() < 0) {
            assertThat(e.offset()).isEqualTo(-1);
            assertThat(e.getMessage()).matches("no (model_id|subtasks|access_list) list found: .*");
        } else {
            assertThat(e.offset()).isLessThanOrEqualTo(text.length());
            assertThat(e.getMessage()).endsWith(" (at character " + e.offset() + ")");
            assertThat(e.messageIn(text)).endsWith(" (at " + TextPosition.of(text, e.offset()) + ")");
        }
    }

    /** Runs {@code property} on {@value #TRIES} generated cases, naming the failing case and its number. */
    private static <T> void forAll(Function<Random, T> generator, Consumer<T> property) {
        Random random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            T value = generator.apply(random);
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") failed: " + value, e);
            }
        }
    }

    static Planned planned(Random random) {
        PoolView view = view(random);
        int size = 1 + random.nextInt(Workflow.MAX_STEPS);
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String worker = view.workerId(random.nextInt(view.size()));
            steps.add(new Step(worker, subtask(random), access(random, i)));
        }
        return new Planned(new Workflow(steps), view);
    }

    /** A view of 1 to 8 distinct worker ids. */
    static PoolView view(Random random) {
        int size = 1 + random.nextInt(8);
        Set<String> ids = new LinkedHashSet<>();
        while (ids.size() < size) {
            ids.add(randomString(random, "abcxyz0189-./:", 1 + random.nextInt(10)));
        }
        return new PoolView(List.copyOf(ids));
    }

    /** None, all, or a nonempty set of earlier indices (none for the first step). */
    static Access access(Random random, int index) {
        int kind = random.nextInt(3);
        if (kind == 0 || index == 0) {
            return kind == 1 ? Access.ALL : Access.NONE;
        }
        if (kind == 1) {
            return Access.ALL;
        }
        List<Integer> seen = new ArrayList<>();
        for (int k = 0; k < index; k++) {
            if (random.nextBoolean()) {
                seen.add(k);
            }
        }
        return seen.isEmpty() ? new Access.Steps(List.of(random.nextInt(index))) : new Access.Steps(seen);
    }

    /** Subtasks as models and people write them, and worse: quotes, backslashes, unicode, newlines, the list names. */
    static String subtask(Random random) {
        String subtask;
        do {
            StringBuilder s = new StringBuilder();
            int pieces = 1 + random.nextInt(6);
            for (int i = 0; i < pieces; i++) {
                switch (random.nextInt(3)) {
                    case 0 -> s.append(randomString(random, "abc XYZ 019\t", 1 + random.nextInt(12)));
                    case 1 -> s.append(anyChars(random, 1 + random.nextInt(6)));
                    default -> s.append(SUBTASK_PIECES.get(random.nextInt(SUBTASK_PIECES.size())));
                }
            }
            subtask = s.toString();
        } while (subtask.isBlank());
        return subtask;
    }

    /** Arbitrary text: any characters, or a soup of the format's own tokens. */
    static String text(Random random) {
        if (random.nextBoolean()) {
            return anyChars(random, random.nextInt(200));
        }
        StringBuilder s = new StringBuilder();
        int pieces = random.nextInt(40);
        for (int i = 0; i < pieces; i++) {
            s.append(random.nextInt(4) == 0 ? anyChars(random, random.nextInt(8))
                    : TEXT_PIECES.get(random.nextInt(TEXT_PIECES.size())));
        }
        return s.toString();
    }

    /** Applies one to four random deletions, insertions or swaps of characters to {@code text}. */
    static String damage(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = s.isEmpty() ? 0 : random.nextInt(s.length());
            switch (random.nextInt(3)) {
                case 0 -> {
                    if (!s.isEmpty()) {
                        s.deleteCharAt(at);
                    }
                }
                case 1 -> s.insert(at, EDIT_CHARS[random.nextInt(EDIT_CHARS.length)]);
                default -> {
                    if (at + 1 < s.length()) {
                        char c = s.charAt(at);
                        s.setCharAt(at, s.charAt(at + 1));
                        s.setCharAt(at + 1, c);
                    }
                }
            }
        }
        return s.toString();
    }

    private static String randomString(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /** Any UTF-16 code units, lone surrogates and controls included, biased towards ASCII. */
    private static String anyChars(Random random, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextBoolean() ? random.nextInt(0x80) : random.nextInt(0x10000)));
        }
        return s.toString();
    }
}
