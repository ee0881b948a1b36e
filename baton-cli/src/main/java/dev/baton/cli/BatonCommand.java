package dev.baton.cli;

import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code baton} command; the work is done by its subcommands. */
@Command(name = "baton",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Baton: a conductor writes short workflows over a pool of LLM workers; every call is traced and priced.",
            "",
            "The conductor is trained (reinforcement learning on your own questions and pool) to get as good or better answers "
                + "at lower cost than the best single worker; baton demo measures whether it does, and shows you when it does not.",
            "",
            "Runs offline with no API key: the replay pool answers with 28 real models' recorded replies on GSM8K and MATH level 5, "
                + "13 on MMLU-Pro. Start with: "
                + "baton demo. With your own models: baton pool check, ask, record, then train a conductor for your pool; baton serve answers as an OpenAI-compatible model.",
            ""},
        subcommands = {DemoCommand.class, TrainCommand.class, EvalCommand.class, AskCommand.class, RecordCommand.class, ServeCommand.class, RolloutsCommand.class,
                PoolCommand.class, WorkflowCommand.class, ContextCommand.class, CalibrateCommand.class, picocli.CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 bad input (unknown benchmark, worker or conductor spec, malformed file)."})
public final class BatonCommand {

    // Declared once here and inherited by every subcommand, so `baton -v eval ...` and `baton eval ... -v` both
    // set this one field, which is all the failure handler reads.
    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT, description = "Show stack traces of failures.")
    boolean verbose;

    /** What subcommands read as standard input ({@code baton workflow parse}); set by {@link BatonCli}. */
    InputStream in = InputStream.nullInputStream();

    /**
     * The environment subcommands read API keys from (a pool file names the variables); set by {@link BatonCli}, so
     * tests give keys without touching the process's environment.
     */
    Map<String, String> env = Map.of();

    /** Returns the root command of the command line {@code spec} belongs to. */
    static BatonCommand of(picocli.CommandLine.Model.CommandSpec spec) {
        return (BatonCommand) spec.root().userObject();
    }

    /** Returns whether {@code --verbose} was given, before or after the subcommand. */
    boolean verbose() {
        return verbose;
    }
}
