package dev.baton.learn.train;

import dev.baton.learn.conductor.Trust;
import dev.baton.learn.conductor.WorkerIndex;
import dev.baton.learn.policy.Adam;
import dev.baton.learn.policy.JoiningWorker;
import dev.baton.learn.policy.PolicyShape;
import dev.baton.pool.Pool;
import dev.baton.task.Split;
import dev.baton.task.Task;
import dev.baton.worker.WorkerCard;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Adds a worker to a trained checkpoint by measurement, without a GRPO step. The policy reads every worker through the
 * same features — log prices, accuracy alone overall and per subject, where it stands among the workers a step may use,
 * and how often two workers give the same wrong answer — so a newcomer measured on a sample of training questions can
 * be scored like the workers it was trained with; its own learned slots start as the typical worker's
 * ({@link JoiningWorker}).
 *
 * <pre>{@code
 * List<Task> sample = Calibration.questions("mmlu-pro", benchmark.tasks(), 100);
 * Checkpoint wider = Calibration.join(checkpoint, pool, "gpt-4o", sample);
 * }</pre>
 */
public final class Calibration {

    /** Questions a worker is measured on by default: enough to place it within a few points of its accuracy. */
    public static final int DEFAULT_QUESTIONS = 100;

    private Calibration() {
    }

    /**
     * Returns {@code limit} questions of the benchmark's train split (all of them when it has fewer), in an order fixed
     * by a hash of their ids rather than the file's: a file sorted by subject still gives a sample of every subject,
     * and a larger limit asks the same questions again and then more.
     */
    public static List<Task> questions(String benchmark, List<Task> tasks, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a worker is measured on at least 1 question, got " + limit);
        }
        return Split.TRAIN.select(benchmark, tasks).stream()
                .sorted(Comparator.comparing((Task task) -> hash(benchmark, task.id())).thenComparing(Task::id))
                .limit(limit).toList();
    }

    /**
     * Returns the checkpoint with {@code workerId} joined last in pointer order, its features measured on {@code tasks}.
     * Shared wrong answers are measured against the checkpoint's workers that {@code pool} also holds (their answers to
     * the same questions); with one it does not hold the newcomer is assumed to share {@link Trust#UNMEASURED_SAME_WRONG}.
     * The trained workers' features and every trained parameter are kept as they are.
     *
     * @param pool  the new worker, and any of the checkpoint's workers to compare its wrong answers with
     * @param tasks the questions to measure on, with their reference answers
     * @throws IllegalArgumentException when the checkpoint has the worker already, the pool lacks it, or there are no tasks
     */
    public static Checkpoint join(Checkpoint checkpoint, Pool pool, String workerId, List<Task> tasks) {
        WorkerIndex trained = checkpoint.workers();
        if (trained.workerIds().contains(workerId)) {
            throw new IllegalArgumentException("worker " + workerId + " is in the checkpoint already: calibrate adds a worker it was not trained with");
        }
        WorkerCard card = pool.find(workerId).map(worker -> worker.card())
                .orElseThrow(() -> new IllegalArgumentException("worker " + workerId + " is not in the pool (" + String.join(", ", pool.ids()) + ")"));
        if (tasks.isEmpty()) {
            throw new IllegalArgumentException("calibrating " + workerId + " needs at least one question");
        }
        List<String> measuredIds = new ArrayList<>(List.of(workerId));
        trained.workerIds().stream().filter(id -> pool.find(id).isPresent()).forEach(measuredIds::add);
        SoloAccuracy.Measured measured;
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        try {
            measured = SoloAccuracy.measure(Pool.of(measuredIds.stream().map(pool::get).toList()), tasks, threads);
        } finally {
            threads.shutdown();
        }
        double accuracy = measured.overall().get(workerId);
        return checkpoint.joined(index(trained, card, accuracy, measured), JoiningWorker.parameters(checkpoint.shape(), checkpoint.parameters()),
                new Adam.State(checkpoint.optimizer().steps(), JoiningWorker.moments(checkpoint.shape(), checkpoint.optimizer().firstMoment()),
                        JoiningWorker.moments(checkpoint.shape(), checkpoint.optimizer().secondMoment())));
    }

    /** The trained index with the newcomer appended: its descriptor, its accuracy per subject, its shared wrong answers. */
    private static WorkerIndex index(WorkerIndex trained, WorkerCard card, double accuracy, SoloAccuracy.Measured measured) {
        String id = card.id();
        int w = trained.size();
        List<String> ids = new ArrayList<>(trained.workerIds());
        ids.add(id);
        float[][] descriptors = java.util.Arrays.copyOf(trained.descriptors(), w + 1);
        descriptors[w] = WorkerIndex.of(List.of(card), Map.of(id, accuracy)).descriptors()[0];
        // A subject the sample missed reads the newcomer's overall accuracy, as the shrinkage toward it would give.
        Map<String, float[]> byCategory = new TreeMap<>();
        trained.byCategory().forEach((category, values) -> {
            float[] wider = java.util.Arrays.copyOf(values, w + 1);
            wider[w] = (float) (double) measured.byCategory().getOrDefault(category, Map.of()).getOrDefault(id, accuracy);
            byCategory.put(category, wider);
        });
        float[][] sameWrong = new float[0][];
        if (trained.sameWrong().length > 0) {
            sameWrong = new float[w + 1][w + 1];
            for (int i = 0; i < w; i++) {
                System.arraycopy(trained.sameWrong()[i], 0, sameWrong[i], 0, w);
                float shared = (float) measured.sameWrong(id, ids.get(i));
                sameWrong[i][w] = shared;
                sameWrong[w][i] = shared;
            }
            sameWrong[w][w] = 1;
        }
        return new WorkerIndex(ids, descriptors, byCategory, sameWrong);
    }

    private static String hash(String benchmark, String id) {
        return java.util.HexFormat.of().formatHex(dev.baton.task.Sha256.of("calibrate:" + benchmark + ":" + id));
    }
}
