package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunReportWriterTest {

    @TempDir
    Path temp;

    @Test
    void writesTheThreeFilesIntoANewDirectoryAndNoLeftovers() throws Exception {
        Path dir = temp.resolve("runs/2025-06-01");

        RunReportWriter.write(RunReportFixtures.realistic(), dir);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("report.json", "report.md", "report.html");
        }
        assertThat(Files.readString(dir.resolve("report.html"))).startsWith("<!DOCTYPE html>");
        assertThat(Files.readString(dir.resolve("report.md"))).startsWith("# Baton demo");
    }

    @Test
    void rewritingReplacesTheFiles() throws Exception {
        RunReportWriter.write(RunReportFixtures.realistic(), temp);
        RunReportWriter.write(RunReportFixtures.bare(), temp);

        assertThat(Files.readString(temp.resolve("report.md"))).startsWith("# Nothing much");
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).hasSize(3);
        }
    }

    @Test
    void jsonRoundTripsEveryFigure() throws Exception {
        RunReport report = RunReportFixtures.realistic();
        RunReportWriter.write(report, temp);

        RunReport read = RunReportJson.fromJson(Files.readString(temp.resolve("report.json")));

        assertThat(read).isEqualTo(report);
    }

    @Test
    void jsonUsesSnakeCaseKeysAndPercentages() throws Exception {
        RunReportWriter.write(RunReportFixtures.realistic(), temp);

        JsonNode root = new ObjectMapper().readTree(temp.resolve("report.json").toFile());
        JsonNode section = root.get("sections").get(0);
        assertThat(root.get("created").asText()).isEqualTo("2025-06-01T12:34:56Z");
        assertThat(section.get("benchmark").asText()).isEqualTo("math500");
        assertThat(section.get("table").get("rows").get(0).get("accuracy").asDouble()).isEqualTo(81.6);
        assertThat(section.get("curves").get(0).get("points")).hasSize(200);
        assertThat(section.get("knob_points").get(1).get("mean_cost_usd").asDouble()).isEqualTo(7.9e-4);
        assertThat(section.get("role_usage").get("solve").asInt()).isEqualTo(301);
        assertThat(section.get("examples").get(0).get("workflow").asText()).startsWith("model_id = [3, 7, 0]\n");
    }

    @Test
    void aReportWrittenWithPlainNotesIsStillRead() throws Exception {
        String json = RunReportJson.toJson(RunReportFixtures.bare()).replace("\"notes\" : [ ]", "\"notes\" : [ \"seed 7\" ]");

        assertThat(RunReportJson.fromJson(json).notes()).containsExactly(Finding.of("note", "seed 7"));
    }

    @Test
    void bareReportRoundTripsToo() throws Exception {
        RunReport report = RunReportFixtures.bare();

        assertThat(RunReportJson.fromJson(RunReportJson.toJson(report))).isEqualTo(report);
    }
}
