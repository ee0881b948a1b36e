package dev.baton.cli;

import dev.baton.client.Answer;
import dev.baton.client.Baton;
import dev.baton.client.EmptyQuestionException;
import dev.baton.client.TraceJson;
import dev.baton.conduct.Conductor;
import dev.baton.execute.Budget;
import dev.baton.execute.Executor;
import dev.baton.input.BadInputException;
import dev.baton.input.InvalidSettingException;
import dev.baton.offline.RecordedQuestions;
import dev.baton.store.StoreBackend;
import dev.baton.task.AnswerType;
import dev.baton.task.Task;
import dev.baton.wiring.ConductorResolver;
import dev.baton.wiring.LoadedPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton ask}: one question, answered by a pool under a conductor, with the trace of every call. */
@Command(name = "ask", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Ask one question: the conductor plans, the pool answers; prints the answer, then every call made.",
            "",
            "The trace shows, per step, the worker, tokens in/out, cost, latency, whether the reply was cached, and "
                + "the subtask (or why the call failed); --trace json prints everything, messages and replies included.",
            "When no worker answered, the exit code is 1 and standard error says why, one line per worker.",
            "",
            "Example:",
            "  baton ask \"$(cat question.txt)\" --bench gsm8k --conductor vote:top3",
            ""})
final class AskCommand implements Callable<Integer> {

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "QUESTION", description = "The question; - reads it from standard input.")
    String question;

    @Mixin
    LivePoolOptions poolOptions;

    @Option(names = "--bench", defaultValue = "gsm8k", paramLabel = "NAME|PATH",
            description = "The recorded benchmark a replay pool answers from (the question must be one of its "
                    + "questions). Default: ${DEFAULT-VALUE}.")
    String bench;

    @Option(names = "--conductor", defaultValue = "best-solo", paramLabel = "SPEC",
            description = "Who plans the workflow (specs above). Default: ${DEFAULT-VALUE}.")
    String conductor;

    @Option(names = "--answer-type", paramLabel = "TYPE",
            description = "How answers are read and compared: number, math, choice or text. Default: the benchmark's for a "
                    + "replay question, else text.")
    String answerType;

    @Option(names = "--trace", defaultValue = "text", paramLabel = "FORMAT",
            description = "How to show the trace: text (compact, $COLUMNS wide, else 80), json (everything), none. "
                    + "Default: ${DEFAULT-VALUE}.")
    String trace;

    @Mixin
    BudgetOptions budgetOptions;

    @Option(names = "--rounds", defaultValue = "5", paramLabel = "N",
            description = "Most rounds (a safety cap; the conductor decides when to stop). Default: ${DEFAULT-VALUE}.")
    int rounds;

    @Mixin
    EncoderOptions encoderOptions;

    @Override
    public Integer call() throws IOException {
        String text = question.equals("-") ? readStdin() : question;
        if (text.isBlank()) {
            throw new EmptyQuestionException();
        }
        TraceFormat format = TraceFormat.parse(trace);
        Budget budget = budget();
        Optional<AnswerType> type = Optional.ofNullable(answerType).map(AnswerType::parse);
        LoadedPool loaded = poolOptions.load(bench, type, BatonCommand.of(spec).env);
        Task asked = RecordedQuestions.replayedOrAsked(loaded.replay().map(RecordedQuestions::of), text,
                () -> Task.asked(text, type.orElse(AnswerType.TEXT)),
                benchmark -> new BadInputException("the replay pool answers only questions it has recordings for, and this one "
                        + "is not in " + benchmark + " (copy a question from it, or use a pool file)"));
        // --answer-type also decides how a recorded question's answer is read.
        Task task = type.map(t -> new Task(asked.id(), asked.question(), asked.gold(), t, asked.metadata())).orElse(asked);
        try (StoreBackend store = encoderOptions.openStore(); EncoderOptions.Lazy encoder = encoderOptions.lazy(store);
             ConductorResolver conductors = new ConductorResolver(loaded, encoder)) {
            Executor executor = poolOptions.executor(loaded, store, LivePoolOptions.warningOnce(spec.commandLine().getErr()));
            Conductor resolved = conductors.resolve(conductor);
            conductors.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
            try (Baton baton = Baton.builder()
                    .pool(loaded.pool())
                    .conductor(resolved)
                    .budget(budget)
                    .executor(executor)
                    .maxRounds(rounds)
                    .build()) {
                Answer answer = baton.ask(task);
                print(answer, format);
                if (answer.text().isEmpty()) {
                    PrintWriter err = spec.commandLine().getErr();
                    err.println(spec.commandLine().getColorScheme().errorText("error: no worker answered"));
                    TracePrinter.whyUnanswered(answer.trace()).forEach(reason -> err.println("  " + reason));
                    err.flush();
                    return FailureHandler.FAILURE;
                }
            }
        }
        return 0;
    }

    private void print(Answer answer, TraceFormat format) {
        PrintWriter out = spec.commandLine().getOut();
        if (format == TraceFormat.JSON) {
            out.println(TraceJson.of(answer));
        } else {
            out.println(answer.text().orElse("(no worker answered)"));
            if (format == TraceFormat.TEXT) {
                out.println();
                TracePrinter.print(answer, out, TracePrinter.width(BatonCommand.of(spec).env));
            }
        }
        out.flush();
    }

    private Budget budget() {
        if (rounds < 1) {
            throw new InvalidSettingException("--rounds must be at least 1, got " + rounds);
        }
        return budgetOptions.over(Budget.unlimited());
    }

    private String readStdin() throws IOException {
        InputStream in = BatonCommand.of(spec).in;
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    /** How the trace is shown. */
    enum TraceFormat {
        TEXT, JSON, NONE;

        static TraceFormat parse(String value) {
            for (TraceFormat format : values()) {
                if (format.name().equalsIgnoreCase(value)) {
                    return format;
                }
            }
            throw new InvalidSettingException("unknown trace format '" + value + "': use text, json or none");
        }
    }
}
