package dev.baton.cli;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.baseline.SoloConductor;
import dev.baton.eval.CallEstimate;
import dev.baton.eval.ProgressListener;
import dev.baton.execute.Interceptor;
import dev.baton.execute.SpendingCap;
import dev.baton.offline.Benchmarks;
import dev.baton.offline.OfflineConfig;
import dev.baton.offline.RecordedBenchmark;
import dev.baton.offline.ReplayedBenchmark;
import dev.baton.pool.Pool;
import dev.baton.store.ResponseCacheInterceptor;
import dev.baton.store.StoreBackend;
import dev.baton.task.AnswerType;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.wiring.LoadedPool;
import dev.baton.wiring.Recorder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The first half of {@code train --pool FILE}: records the pool's answers to the benchmark's train split, each worker
 * asking each question alone as {@code baton record} does, and replays that recording for training. Every reply goes
 * through the response cache, so only what the cache lacks is paid for, and running the same command again pays
 * for nothing twice.
 *
 * @param pool       the live workers to record (those training uses)
 * @param loaded     the pool file they come from
 * @param benchmark  the questions
 * @param recording  where the recording is written, beside the checkpoint
 */
record TrainingRecording(Pool pool, LoadedPool loaded, RecordedBenchmark benchmark, Path recording) {

    /** Calls in flight at once, as {@code record}'s default; each worker also keeps to its own concurrency. */
    private static final int PARALLEL = 4;

    /** Returns where the recording for checkpoint {@code out} goes: {@code runs/ck.json} records to {@code runs/ck.recording.jsonl}. */
    static Path fileFor(Path out) {
        String name = out.getFileName().toString();
        int dot = name.indexOf('.');
        return out.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".recording.jsonl");
    }

    /** Returns the train questions it records. */
    List<Task> tasks() {
        return Split.TRAIN.select(benchmark.name(), benchmark.tasks());
    }

    /** Returns the most calls the recording makes and their worst-case cost. */
    CallEstimate estimate(PoolOptions poolOptions) {
        List<Conductor> alone = pool.ids().stream().<Conductor>map(SoloConductor::new).toList();
        return CallEstimate.of(alone, tasks(), pool.ids(), pool, poolOptions.outputLimits()::get);
    }

    /**
     * Records what the cache lacks (under {@code cap}) and returns the recording as a replay pool: named as the
     * benchmark, so its train split is every question recorded, and priced as the pool file prices the workers.
     * Returns empty, having said why on {@code err}, when the cap left calls out: a partial recording is not trained on.
     */
    Optional<ReplayedBenchmark> record(StoreBackend store, Optional<SpendingCap> cap, Path contextModel,
                                       ProgressListener progress, PrintWriter out, PrintWriter err) {
        Recorder.Summary summary = new Recorder(pool, loaded.executor(Optional.of(new ResponseCacheInterceptor(
                store.responses(), ResponseCacheInterceptor.Mode.READ_WRITE, LivePoolOptions.warningOnce(err))),
                cap.stream().toArray(Interceptor[]::new)),
                PARALLEL, progress).record(tasks(), recording);
        ProgressBar.endLine(err);
        out.println("recorded " + pool.size() + " workers on the " + tasks().size() + " train questions of " + benchmark.name()
                + " into " + recording + ": " + summary.describe());
        out.flush();
        if (summary.skipped() > 0) {
            err.println(String.format(Locale.ROOT, "the spending cap left %d calls out, so nothing was trained on the partial "
                    + "recording: raise --max-usd and run the same command again (answered calls come from the cache at no cost)",
                    summary.skipped()));
            err.flush();
            return Optional.empty();
        }
        if (summary.failed() > 0) {
            err.println("note: " + summary.failed() + " calls failed after their retries and are left out of the recording; "
                    + "training scores them as wrong answers");
            err.flush();
        }
        RecordedBenchmark recorded = Benchmarks.load(recording.toString(), Optional.<AnswerType>empty());
        RecordedBenchmark asTrain = new RecordedBenchmark(benchmark.name(), recorded.tasks(), recorded.replies(), recorded.models());
        return Optional.of(ReplayedBenchmark.of(asTrain, OfflineConfig.prices(Recorder.pricesOf(recording)),
                OfflineConfig.contextModel(contextModel)));
    }
}
