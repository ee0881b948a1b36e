package dev.baton.eval;

/** Hears about progress of long evaluation work; the CLI draws a progress bar from it. */
@FunctionalInterface
public interface ProgressListener {

    ProgressListener SILENT = (label, done, total) -> { };

    /** Called after each finished unit of work; may be called from several threads. */
    void advanced(String label, int done, int total);
}
