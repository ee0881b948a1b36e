package dev.baton.conduct.lm;

import dev.baton.input.InvalidSettingException;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Price;
import dev.baton.worker.Worker;
import dev.baton.worker.WorkerCard;
import dev.baton.workflow.Workflow;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words an {@link LmConductor} says to its model: a prompt file of four sections and a file of example
 * workflows, both plain text. The shipped ones are resources ({@code baton-data/lm-conductor/prompt.txt} and
 * {@code examples.txt}); copy and edit them, then load your own:
 *
 * <pre>{@code
 * LmPrompt prompt = LmPrompt.load(Path.of("my-prompt.txt"), Path.of("my-examples.txt"));
 * }</pre>
 *
 * <p>The prompt file holds sections, each introduced by a line {@code === <name> ===}: {@code system} (the role,
 * the numbered models, the rules and the examples), {@code question}, {@code next round} (shown the final answer
 * after a round: accept or plan more) and {@code repair} (asked once when a reply cannot be read). Text before the
 * first header is a note to readers and never sent. In a section, {@code {{name}}} is filled in at run time; each
 * section accepts only its own names, so a typo fails when the file is loaded, not halfway through an evaluation.
 *
 * @see LmConductorOptions#withPrompt(LmPrompt)
 */
public final class LmPrompt {

    static final String SYSTEM = "system";
    static final String QUESTION = "question";
    static final String NEXT_ROUND = "next round";
    static final String REPAIR = "repair";

    /** Each section and the placeholders it may use. */
    private static final Map<String, Set<String>> PLACEHOLDERS = Map.of(
            SYSTEM, Set.of("models", "max_steps", "examples"),
            QUESTION, Set.of("question"),
            NEXT_ROUND, Set.of("final_response", "round", "rounds_left", "max_steps"),
            REPAIR, Set.of("error", "max_steps"));

    private static final Pattern HEADER = Pattern.compile("(?m)^===\\s*([a-z ]+?)\\s*===\\s*$");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z_]+)}}");
    private static final String RESOURCES = "/baton-data/lm-conductor/";

    private final Map<String, String> sections;
    private final String examples;

    private LmPrompt(Map<String, String> sections, String examples) {
        this.sections = Map.copyOf(sections);
        this.examples = examples;
    }

    /** Returns the prompt and examples shipped with Baton. */
    public static LmPrompt builtIn() {
        return Shipped.PROMPT;
    }

    /**
     * Reads a prompt file and an examples file.
     *
     * @throws InvalidSettingException when the prompt lacks a section, repeats one, names an unknown one or uses a
     *                                 placeholder its section does not know
     * @throws UncheckedIOException    when a file cannot be read
     */
    public static LmPrompt load(Path prompt, Path examples) {
        return of(read(prompt), read(examples), prompt.toString());
    }

    /** Reads a prompt file and keeps the shipped examples. */
    public static LmPrompt load(Path prompt) {
        return of(read(prompt), builtIn().examples, prompt.toString());
    }

    /** Returns the same prompt with other example workflows. */
    public LmPrompt withExamples(String text) {
        return new LmPrompt(sections, Objects.requireNonNull(text, "text").strip());
    }

    /**
     * Builds a prompt from the texts of a prompt file and an examples file.
     *
     * @param source names the prompt in error messages (a path, usually)
     */
    static LmPrompt of(String prompt, String examples, String source) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher header = HEADER.matcher(prompt);
        String name = null;
        int start = 0;
        while (true) {
            boolean found = header.find();
            if (name != null) {
                if (sections.put(name, prompt.substring(start, found ? header.start() : prompt.length()).strip()) != null) {
                    throw new InvalidSettingException(source + ": section '" + name + "' appears twice");
                }
            }
            if (!found) {
                break;
            }
            name = header.group(1);
            start = header.end();
            if (!PLACEHOLDERS.containsKey(name)) {
                throw new InvalidSettingException(source + ": unknown section '=== " + name + " ==='; the sections are "
                        + String.join(", ", PLACEHOLDERS.keySet().stream().sorted().toList()));
            }
        }
        for (Map.Entry<String, Set<String>> section : PLACEHOLDERS.entrySet()) {
            String text = sections.get(section.getKey());
            if (text == null || text.isBlank()) {
                throw new InvalidSettingException(source + ": the section '=== " + section.getKey() + " ===' is missing or empty");
            }
            Matcher used = PLACEHOLDER.matcher(text);
            while (used.find()) {
                if (!section.getValue().contains(used.group(1))) {
                    throw new InvalidSettingException(source + ": section '" + section.getKey() + "' uses {{" + used.group(1)
                            + "}}, which it does not know; it knows " + section.getValue().stream().sorted().map(n -> "{{" + n + "}}").toList());
                }
            }
        }
        return new LmPrompt(sections, examples.strip());
    }

    /**
     * Returns the conversation an {@link LmConductor} opens a task with — the system section (role, numbered models,
     * rules, examples) and the question section — exactly as it sends it. A trainer of a conductor model samples
     * workflows from these messages ({@code baton rollouts export} writes them per task).
     *
     * @param view the workers the conductor may use, numbered as the model sees them
     * @param pool where their cards (descriptions, prices) are looked up
     */
    public List<ChatMessage> firstRound(Task task, PoolView view, Pool pool) {
        return List.of(
                ChatMessage.system(render(SYSTEM, Map.of("models", models(view, pool), "max_steps",
                        Integer.toString(Workflow.MAX_STEPS)))),
                ChatMessage.user(render(QUESTION, Map.of("question", task.question()))));
    }

    /** Lists the view's workers as the model sees them: numbers, descriptions and prices, never ids. */
    private static String models(PoolView view, Pool pool) {
        Pattern ids = idsOf(view);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < view.size(); i++) {
            String id = view.workerId(i);
            Optional<WorkerCard> card = pool.find(id).map(Worker::card);
            out.append("Model ").append(i);
            String description = card.map(WorkerCard::description).orElse("").strip();
            // A description that names a worker would tell the model who it is (the paper shows numbers only), so each
            // name in it becomes that worker's number; one that is only the name says nothing more and is left out.
            if (!description.isEmpty() && !description.equalsIgnoreCase(id)) {
                out.append(": ").append(ids.matcher(description)
                        .replaceAll(name -> Matcher.quoteReplacement("Model " + indexOf(view, name.group()))));
            }
            card.map(WorkerCard::price).filter(p -> !p.equals(Price.FREE)).ifPresent(p -> out.append(" (USD ")
                    .append(Price.listed(p.inputUsdPerMillion())).append(" per million input tokens, ")
                    .append(Price.listed(p.outputUsdPerMillion())).append(" per million output tokens)"));
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    /**
     * Matches any of the view's worker ids as a word of its own, in any case: longest first, so that {@code gpt-4o-mini}
     * is not read as {@code gpt-4o} and a suffix, and never inside a longer word ({@code deep} in {@code deeper}).
     */
    private static Pattern idsOf(PoolView view) {
        String alternatives = view.workerIds().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
        return Pattern.compile("(?<![\\p{Alnum}])(?:" + alternatives + ")(?![\\p{Alnum}])", Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE);
    }

    private static int indexOf(PoolView view, String name) {
        for (int i = 0; i < view.size(); i++) {
            if (view.workerId(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        throw new IllegalStateException("matched a name that is no worker's: " + name);
    }

    /** Returns a section with its placeholders filled in; the examples are filled in by this prompt. */
    String render(String section, Map<String, String> values) {
        String text = Objects.requireNonNull(sections.get(section), section);
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent("examples", examples);
        // One pass, so a value that happens to contain {{...}} (a question about templates) is left as is.
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(all.getOrDefault(m.group(1), m.group())));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = LmPrompt.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCES + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shipped prompt, read once when first needed. */
    private static final class Shipped {
        static final LmPrompt PROMPT = of(resource("prompt.txt"), resource("examples.txt"), "built-in lm-conductor/prompt.txt");
    }
}
