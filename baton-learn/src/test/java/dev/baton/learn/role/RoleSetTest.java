package dev.baton.learn.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleSetTest {

    @Test
    void shippedRolesIncludeSolvingVerifyingAndAggregating() {
        assertThat(RoleSet.defaults().roles()).extracting(Role::id).contains("solve", "step-by-step", "verify", "aggregate", "plan-then-solve");
    }

    @Test
    void fileWithoutTemplatesIsAClearError(@TempDir Path dir) throws IOException {
        Path empty = dir.resolve("roles.yaml");
        Files.writeString(empty, "roles: []\n");
        assertThatThrownBy(() -> RoleSet.read(empty)).hasMessageContaining("has no role templates");

        Files.writeString(empty, "# nothing here\n");
        assertThatThrownBy(() -> RoleSet.read(empty)).hasMessageContaining("has no role templates");

        Files.writeString(empty, "roles:\n  - id: solve\n    template: \"\"\n");
        assertThatThrownBy(() -> RoleSet.read(empty)).hasMessageContaining("non-blank template");

        assertThatThrownBy(() -> RoleSet.read(dir.resolve("missing.yaml"))).hasMessageContaining("roles file not found");
    }

    @Test
    void anchorsAliasesAndValuesThatAreNotStringsAreRefusedWithTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("roles.yaml");
        // Read plainly, the alias would become the template "t".
        Files.writeString(file, "roles:\n  - id: solve\n    template: &t \"Solve: {question}\"\n  - id: check\n    template: *t\n");
        assertThatThrownBy(() -> RoleSet.read(file)).isInstanceOf(RoleSetException.class)
                .hasMessage(file + " line 5: YAML anchors and aliases (&name, *name) are not allowed in a roles file; write each value out");

        Files.writeString(file, "roles:\n  - id: 12\n    template: \"Solve: {question}\"\n");
        assertThatThrownBy(() -> RoleSet.read(file)).isInstanceOf(RoleSetException.class)
                .hasMessage(file + " line 2: 'id' must be a string, got 12");

        Files.writeString(file, "roles:\n  - id: solve\n    id: check\n    template: \"Solve: {question}\"\n");
        assertThatThrownBy(() -> RoleSet.read(file)).isInstanceOf(RoleSetException.class).hasMessageContaining("Duplicate field 'id'");
    }

    @Test
    void aRolesFileOverOneMegabyteIsRefusedBeforeItIsParsed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("roles.yaml");
        Files.writeString(file, "roles:\n  - id: solve\n    template: \"" + "x".repeat(2 << 20) + " {question}\"\n");

        assertThatThrownBy(() -> RoleSet.read(file))
                .isInstanceOf(RoleSetException.class)
                .hasMessage(file + " is 2.0 MB: a roles file is at most 1 MB; is this the right file?");
    }

    @Test
    void rolesYamlIsReadNoFurtherThanTheLimit() {
        String oneLongTemplate = "roles:\n  - id: solve\n    template: \"" + "x".repeat(2 << 20) + " {question}\"\n";

        assertThatThrownBy(() -> RoleSet.read("stdin", new java.io.StringReader(oneLongTemplate)))
                .isInstanceOf(RoleSetException.class)
                .hasMessageStartingWith("stdin: ")
                .hasMessageContaining("1048576");
    }
}
