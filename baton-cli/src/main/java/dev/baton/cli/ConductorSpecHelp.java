package dev.baton.cli;

import dev.baton.eval.ConductorSpecForm;
import dev.baton.eval.LineWrap;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The "Conductor specs" section of the help of every command with a {@code --conductor} option: one spec form a line,
 * its meaning wrapped under itself, made from {@link ConductorSpecForm#ALL} so that it never disagrees with what the
 * specs understand.
 */
final class ConductorSpecHelp implements CommandLine.IHelpSectionRenderer {

    static final String SECTION = "conductorSpecs";

    /** Adds the section after the description of every command in the tree that takes {@code --conductor}. */
    static void addTo(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.findOption("--conductor") != null) {
            List<String> keys = new ArrayList<>(spec.usageMessage().sectionKeys());
            keys.add(keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1, SECTION);
            spec.usageMessage().sectionKeys(keys);
            spec.usageMessage().sectionMap().put(SECTION, new ConductorSpecHelp());
        }
        command.getSubcommands().values().forEach(ConductorSpecHelp::addTo);
    }

    @Override
    public String render(CommandLine.Help help) {
        return render(help.commandSpec().usageMessage().width());
    }

    /** Returns the section fitted to {@code width} columns. */
    static String render(int width) {
        List<ConductorSpecForm> forms = ConductorSpecForm.understood(Set.of(ConductorSpecForm.LEARNED));
        int formWidth = forms.stream().mapToInt(form -> form.form().length()).max().orElse(0);
        String indent = " ".repeat(2 + formWidth + 2);
        StringBuilder out = new StringBuilder("Conductor specs (--conductor):\n");
        for (ConductorSpecForm form : forms) {
            List<String> meaning = LineWrap.lines(form.meaning(), Math.max(20, width - indent.length()), "");
            out.append("  ").append(form.form()).append(" ".repeat(formWidth - form.form().length() + 2)).append(meaning.getFirst()).append('\n');
            meaning.subList(1, meaning.size()).forEach(line -> out.append(indent).append(line).append('\n'));
        }
        return out.append('\n').toString();
    }
}
