package dev.baton.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code baton pool}: commands about pool files; the work is done by its subcommands. */
@Command(name = "pool", mixinStandardHelpOptions = true,
        description = {"Work with pool files: YAML files declaring live and replay workers.", ""},
        subcommands = {PoolCheckCommand.class})
final class PoolCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: try 'baton pool check FILE'");
    }
}
