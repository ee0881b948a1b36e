package dev.baton.conduct.lm;

import dev.baton.conduct.Conductor;
import dev.baton.conduct.ConductorRun;
import dev.baton.conduct.PlanningCalls;
import dev.baton.input.InvalidSettingException;
import dev.baton.pool.Pool;
import dev.baton.pool.PoolView;
import dev.baton.task.Task;
import dev.baton.worker.Worker;
import java.util.Objects;

/**
 * The paper's own conductor: a language model writes each round's workflow ({@code lm:<worker>}). Any worker can
 * conduct, a prompted API model or a conductor model trained elsewhere and served by vLLM or Ollama.
 *
 * <p>For each round it sends the model the prompt of {@link LmPrompt} (its role, the pool as "Model 0", "Model 1",
 * ... with their descriptions but never their names, example workflows, the rules, the question) and reads the
 * three lists of its reply with {@link dev.baton.workflow.WorkflowText#parseReporting}, which repairs typographic
 * quotes and small slips. A reply that still cannot be read gets <b>one repair request</b> quoting the located
 * error; if that fails too, or the call itself fails, the first round falls back to one worker answering alone
 * ({@link LmConductorOptions#fallbackWorker()}) and a later round accepts the answer so far. After each round the
 * model is shown the final answer and accepts it (three empty lists) or plans up to five more steps, until
 * {@link LmConductorOptions#maxRounds()}. So a model that writes garbage forever costs at most two calls a round
 * and the run always ends.
 *
 * <p>Its calls go through the {@link PlanningCalls} each run is given by the {@link dev.baton.conduct.Orchestrator}:
 * the same interceptors as the steps, charged to the question's one budget, recorded in the trace as planning calls
 * whose subtask says what the call was for and how it ended ("write the workflow (round 0) → unreadable: ...; asking
 * once to repair", "→ fallback: ..."). It holds no executor and no budget of its own, so one conductor serves every
 * question of a server, each under its own budget.
 *
 * <pre>{@code
 * Orchestrator orchestrator = new Orchestrator(executor, pool, budget, Orchestrator.DEFAULT_MAX_ROUNDS);
 * Conductor conductor = new LmConductor(pool.get("gpt-4o"), pool, LmConductorOptions.defaults());
 * Orchestrator.Result result = orchestrator.answer(conductor, task, pool.view());
 * }</pre>
 */
public final class LmConductor implements Conductor {

    private final Worker model;
    private final Pool pool;
    private final LmConductorOptions options;

    /**
     * Creates a conductor.
     *
     * @param model    the model that writes the workflows; it need not be in the pool
     * @param pool    the workers, whose cards describe them to the model
     * @param options prompt, round limit and fallback
     */
    public LmConductor(Worker model, Pool pool, LmConductorOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidSettingException when the configured fallback worker is not in {@code view}
     */
    @Override
    public ConductorRun start(Task task, PoolView view, PlanningCalls planning) {
        String fallback = options.fallbackWorker().orElse(view.workerId(0));
        if (!view.contains(fallback)) {
            throw new InvalidSettingException("the LM conductor's fallback worker '" + fallback
                    + "' is not among the workers it may use: " + view.workerIds());
        }
        return new LmConductorRun(this, task, view, fallback, planning);
    }

    @Override
    public String name() {
        return "lm:" + model.id();
    }

    Worker model() {
        return model;
    }

    Pool pool() {
        return pool;
    }

    LmConductorOptions options() {
        return options;
    }
}
