package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The README a newcomer reads stays short and leads somewhere: it names every command, its links and the docs pages'
 * links reach a file and, after a {@code #}, a heading of it, and the test command CI runs is the one it prints.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..");
    private static final Path README = ROOT.resolve("README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("^```.*?^```", Pattern.DOTALL | Pattern.MULTILINE);

    @Test
    void theReadmeStaysWithinThreeHundredLines() throws IOException {
        assertThat(Files.readAllLines(README).size()).as("lines in README.md").isLessThanOrEqualTo(300);
    }

    @Test
    void theReadmesCommandTableHasARowForEveryCommand() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        List<String> commands = new ArrayList<>();
        leaves(BatonCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), commands);

        List<String> missing = commands.stream()
                .filter(command -> !Pattern.compile("(?m)^\\| \\[?`baton " + Pattern.quote(command) + "`").matcher(readme).find())
                .toList();

        assertThat(commands).contains("demo", "pool check", "rollouts export");
        assertThat(missing).as("commands without a row in README.md's command table").isEmpty();
    }

    @Test
    void everyRelativeLinkInTheReadmeAndTheDocsReachesAFileAndItsHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(prose(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("[a-z]+:.*")) {
                    continue; // http(s) and mailto links leave the checkout
                }
                int hash = target.indexOf('#');
                Path file = hash == 0 ? page : page.resolveSibling(hash < 0 ? target : target.substring(0, hash));
                if (!Files.isRegularFile(file)) {
                    broken.add(page.getFileName() + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
                    broken.add(page.getFileName() + ": " + target + " (no such heading; there are " + anchors(file) + ")");
                }
            }
        }
        assertThat(broken).isEmpty();
    }

    @Test
    void theCiScriptRunsTheTestCommandTheReadmePrints() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        String testCommand = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
                .filter(line -> line.contains("mvn -B verify")).findFirst().orElseThrow();

        assertThat(readme).contains("```bash\n" + testCommand + "\n```");
    }

    /** Adds the names of the commands that do the work ({@code pool check}, not {@code pool}) under {@code command}. */
    private static void leaves(CommandLine command, List<String> names) {
        if (command.getCommand() instanceof CommandLine.HelpCommand) {
            return; // picocli's own `baton help COMMAND`, the same as `baton COMMAND --help`
        }
        if (command.getSubcommands().isEmpty() && command.getParent() != null) {
            names.add(command.getCommandSpec().qualifiedName(" ").replaceFirst("^baton ", ""));
        }
        command.getSubcommands().values().forEach(sub -> leaves(sub, names));
    }

    private static List<Path> pages() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(README, ROOT.resolve("CHANGELOG.md")),
                    docs.filter(path -> path.toString().endsWith(".md")).sorted()).toList();
        }
    }

    /** The page without its fenced code blocks, whose brackets and {@code #} lines are code, not links or headings. */
    private static String prose(Path page) throws IOException {
        return FENCE.matcher(Files.readString(page, StandardCharsets.UTF_8)).replaceAll("");
    }

    /** The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens. */
    private static List<String> anchors(Path page) throws IOException {
        return prose(page).lines().filter(line -> line.matches("#{1,6} .*"))
                .map(line -> line.replaceFirst("^#+ ", "").toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .toList();
    }
}
