package dev.baton.eval.report;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one whole run: a learned conductor trained per benchmark and compared with the baselines.
 *
 * @param title    the page's heading
 * @param created  when the run finished
 * @param sections one per benchmark, in the order run
 * @param notes    what holds for the whole run (how it was trained, caveats), shown after every benchmark
 */
public record RunReport(String title, Instant created, List<BenchmarkSection> sections, List<Finding> notes) {

    public RunReport {
        Checks.notBlank("title", title);
        Objects.requireNonNull(created, "created");
        sections = List.copyOf(sections);
        notes = List.copyOf(notes);
    }
}
