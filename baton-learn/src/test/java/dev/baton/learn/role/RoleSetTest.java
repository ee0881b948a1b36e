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
}
