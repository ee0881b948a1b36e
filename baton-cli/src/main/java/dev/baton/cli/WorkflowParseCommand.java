package dev.baton.cli;

import dev.baton.input.BadInputException;
import dev.baton.input.InvalidSettingException;
import dev.baton.pool.PoolView;
import dev.baton.workflow.ParsedWorkflow;
import dev.baton.workflow.WorkflowJson;
import dev.baton.workflow.WorkflowParseException;
import dev.baton.workflow.WorkflowText;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code baton workflow parse}: reads conductor text as the LM conductor does and prints the workflow as JSON. */
@Command(name = "parse", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Read a conductor's reply as the LM conductor reads it and print the workflow as JSON.",
            "",
            "For people writing conductor prompts: paste a model's reply and see what Baton makes of it. The parser",
            "forgives what real model output does (prose and code fences around the lists, typographic quotes, a",
            "missing comma between two subtasks, a bracket left open at the very end) and says what it repaired.",
            "",
            "Output: the workflow on standard output as one line of JSON, workers by id, e.g.",
            "  {\"steps\":[{\"worker\":\"model-2\",\"subtask\":\"...\",\"access\":\"none\"}, ...]}",
            "three empty lists (the conductor accepts the answer so far) as {\"steps\":[]}, and each repair as a",
            "line 'repaired: ...' on standard error. Unreadable text: one line 'error: ... (at LINE:COLUMN)' on",
            "standard error and exit code 2.",
            "",
            "Example: pbpaste | baton workflow parse --models gpt-4o,claude,gemini"})
final class WorkflowParseCommand implements Callable<Integer> {

    /** The default pool: more models than any sane reply names, so any index in the text resolves. */
    static final int DEFAULT_MODELS = 1000;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "The conductor's reply; standard input when absent or '-'.")
    String file;

    @ArgGroup(exclusive = true)
    Pool pool;

    /** How the models the text numbers are named; one way at most. */
    static final class Pool {
        @Option(names = "--workers", paramLabel = "N",
                description = "The pool has N models, named model-0 .. model-<N-1>.")
        Integer workers;

        @Option(names = "--models", paramLabel = "ID", split = ",",
                description = "The pool's models in order: Model 0 is the first id. Default: model-0, model-1, ... "
                        + "as many as the text needs.")
        List<String> models;
    }

    @Override
    public Integer call() throws IOException {
        String text = read();
        PoolView view = view();
        ParsedWorkflow parsed;
        try {
            parsed = WorkflowText.parseReporting(text, view);
        } catch (WorkflowParseException e) {
            // Located by line and column: what an editor shows, unlike a character offset.
            throw new BadInputException(e.messageIn(text), e);
        }
        PrintWriter err = spec.commandLine().getErr();
        parsed.repairs().forEach(repair -> err.println("repaired: " + repair));
        err.flush();
        PrintWriter out = spec.commandLine().getOut();
        out.println(parsed.workflow().map(WorkflowJson::toJson).orElse("{\"steps\":[]}"));
        out.flush();
        return 0;
    }

    private String read() throws IOException {
        if (file == null || file.equals("-")) {
            InputStream in = ((BatonCommand) spec.root().userObject()).in;
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }

    private PoolView view() {
        if (pool != null && pool.models != null) {
            List<String> ids = pool.models.stream().map(String::strip).toList();
            if (ids.stream().anyMatch(String::isEmpty)) {
                throw new InvalidSettingException("--models: a model id is empty: " + String.join(",", pool.models));
            }
            if (new HashSet<>(ids).size() != ids.size()) {
                throw new InvalidSettingException("--models: a model is listed twice: " + String.join(",", ids));
            }
            return new PoolView(ids);
        }
        int size = pool != null && pool.workers != null ? pool.workers : DEFAULT_MODELS;
        if (size < 1) {
            throw new InvalidSettingException("--workers must be at least 1: " + size);
        }
        return new PoolView(IntStream.range(0, size).mapToObj(i -> "model-" + i).toList());
    }
}
