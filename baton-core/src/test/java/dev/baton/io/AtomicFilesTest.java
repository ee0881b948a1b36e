package dev.baton.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.input.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileAndReplacesAnOldOne() throws IOException {
        Path file = dir.resolve("sub/out.json");
        AtomicFiles.write(file, "one");
        AtomicFiles.write(file, "two");
        assertThat(file).hasContent("two");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughToItsTargetAndStaysALink() throws IOException {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real.json"));

        AtomicFiles.write(link, "new");

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), dir.resolve("later.json"));
        AtomicFiles.write(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("later.json")).hasContent("new");
    }

    @Test
    void aTargetThatIsNotARegularFileIsRefusedNotReplaced() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("out.json"));
        assertThatThrownBy(() -> AtomicFiles.write(directory, "x")).isInstanceOf(BadInputException.class)
                .hasMessage(directory + " exists and is not a regular file: refusing to replace it");
        assertThat(directory).isDirectory();

        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            Path link = Files.createSymbolicLink(dir.resolve("null.json"), device);
            assertThatThrownBy(() -> AtomicFiles.write(link, "x")).isInstanceOf(BadInputException.class)
                    .hasMessage(link + " (/dev/null) exists and is not a regular file: refusing to replace it");
            assertThatThrownBy(() -> AtomicFiles.write(device, "x")).isInstanceOf(BadInputException.class);
        }
    }
}
