package dev.baton.server;

import dev.baton.offline.RecordedQuestions;
import dev.baton.store.TraceStore;
import io.javalin.config.RoutesConfig;

/**
 * The routes of the reward environment, registered beside the chat routes: {@code POST /v1/rewards}, behind the same
 * API key check (every {@code /v1/*} route has it) and the same body limit and concurrency gate as chat requests, since
 * each reward runs a workflow.
 */
final class RewardRoutes {

    static final String REWARDS = "/v1/rewards";

    private RewardRoutes() {
    }

    static void register(RoutesConfig routes, ServedModels models, TraceStore traces, ServerSettings settings,
                         ServerMetrics metrics, RequestGate gate) {
        RewardEndpoint endpoint = new RewardEndpoint(new WorkflowRewarder(models, traces, metrics),
                models.pool().replay().map(RecordedQuestions::of), settings.limits());
        routes.before(REWARDS, gate::enter);
        routes.post(REWARDS, endpoint);
        routes.after(REWARDS, gate::release);
    }
}
