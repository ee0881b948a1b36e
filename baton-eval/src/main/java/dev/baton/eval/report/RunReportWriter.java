package dev.baton.eval.report;

import dev.baton.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a run report three ways: {@code report.json} for machines, {@code report.md} and {@code report.html} for people. */
public final class RunReportWriter {

    private RunReportWriter() {
    }

    /**
     * Writes the three files into the directory, creating it if needed; each file is replaced atomically.
     *
     * @return the files written: JSON, Markdown, HTML
     */
    public static List<Path> write(RunReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve("report.json");
        Path markdown = dir.resolve("report.md");
        Path html = dir.resolve("report.html");
        AtomicFiles.write(json, RunReportJson.toJson(report));
        AtomicFiles.write(markdown, RunReportMarkdown.render(report));
        AtomicFiles.write(html, RunReportHtml.render(report));
        return List.of(json, markdown, html);
    }
}
