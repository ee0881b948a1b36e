package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TraceGraphTest {

    @Test
    void edgesFollowTheRepliesEachStepWasShown() throws Exception {
        // Round 1: steps 0 and 1 alone, step 2 sees step 1 only. Round 2: one step that sees every earlier reply.
        JsonNode trace = Json.MAPPER.readTree("""
                {"planning": [{"round": 0, "step": 0, "worker": "planner", "subtask": "write the workflow", "status": "answered",
                               "reply": "plan", "messages": []}],
                 "steps": [
                  {"round": 0, "step": 0, "worker": "a", "subtask": "s", "status": "answered", "reply": "same", "messages": []},
                  {"round": 0, "step": 1, "worker": "b", "subtask": "s", "status": "answered", "reply": "other", "messages": []},
                  {"round": 0, "step": 2, "worker": "c", "subtask": "s", "status": "answered", "reply": "same",
                   "messages": [{"role": "user", "text": "q"}, {"role": "assistant", "text": "other"}, {"role": "user", "text": "s"}]},
                  {"round": 1, "step": 0, "worker": "d", "subtask": "s", "status": "failed", "error": "boom",
                   "messages": [{"role": "assistant", "text": "same"}, {"role": "assistant", "text": "other"},
                                {"role": "assistant", "text": "same"}]}]}""");

        TraceGraph graph = TraceGraph.of(trace);

        assertThat(graph.nodes()).extracting(TraceGraph.Node::id)
                .containsExactly("plan-0", "step-0-0", "step-0-1", "step-0-2", "step-1-0");
        assertThat(graph.edges()).containsExactlyInAnyOrder(
                new TraceGraph.Edge("plan-0", "step-0-0", true), new TraceGraph.Edge("plan-0", "step-0-1", true),
                new TraceGraph.Edge("plan-0", "step-0-2", true),
                new TraceGraph.Edge("step-0-1", "step-0-2", false),
                new TraceGraph.Edge("step-0-0", "step-1-0", false), new TraceGraph.Edge("step-0-1", "step-1-0", false),
                new TraceGraph.Edge("step-0-2", "step-1-0", false));
    }

    @Test
    void optionPlacesASeeingStepRightOfWhatItSaw() throws Exception {
        JsonNode trace = Json.MAPPER.readTree("""
                {"planning": [], "steps": [
                  {"round": 0, "step": 0, "worker": "a", "subtask": "s", "status": "answered", "cached": true, "reply": "r", "messages": []},
                  {"round": 0, "step": 1, "worker": "b", "subtask": "s", "status": "skipped", "reason": "budget",
                   "messages": [{"role": "assistant", "text": "r"}]}]}""");

        JsonNode option = TraceGraph.of(trace).option();

        JsonNode data = option.at("/series/0/data");
        assertThat(data.get(1).get("x").asDouble()).isGreaterThan(data.get(0).get("x").asDouble());
        assertThat(option.at("/series/0/categories/" + data.get(0).get("category").asInt() + "/name").asText()).isEqualTo("cached");
        assertThat(option.at("/series/0/categories/" + data.get(1).get("category").asInt() + "/name").asText()).isEqualTo("skipped");
        assertThat(option.at("/series/0/links/0/source").asText()).isEqualTo("step-0-0");
    }
}
