package dev.baton.cli;

import picocli.CommandLine.Command;

/** {@code baton workflow}: tools for the three-list workflow text conductors write. */
@Command(name = "workflow", mixinStandardHelpOptions = true,
        description = "Tools for the workflow text a conductor writes (model_id, subtasks, access_list).",
        subcommands = {WorkflowParseCommand.class})
final class WorkflowCommand {
}
