package dev.baton.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code baton rollouts}: what an external trainer of a conductor model needs; the work is done by its subcommands. */
@Command(name = "rollouts", mixinStandardHelpOptions = true,
        description = {"Prepare training of a conductor model with an external RL trainer (TRL, verl, OpenRLHF), "
                + "rewarded by POST /v1/rewards of baton serve.", ""},
        subcommands = {RolloutsExportCommand.class})
final class RolloutsCommand implements Runnable {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing subcommand: try 'baton rollouts export --bench gsm8k --out prompts.jsonl'");
    }
}
