package dev.baton.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code baton context}: commands about the context model; the work is done by its subcommands. */
@Command(name = "context", mixinStandardHelpOptions = true,
        description = {"Work with the context model: how a worker answers when it sees other workers' answers.", ""},
        subcommands = {ContextFitCommand.class})
final class ContextCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'baton context fit BENCH'");
    }
}
