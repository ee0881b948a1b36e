package dev.baton.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @Test
    void layoutGoesByRoundThenDepthWithNoTwoNodesOverlappingAndEveryArrowPointingForward() throws Exception {
        // Two rounds, each planned: two steps side by side and one that sees both; round 2 also has a chain (3 sees 2).
        JsonNode trace = Json.MAPPER.readTree("""
                {"planning": [{"round": 0, "step": 0, "worker": "planner", "status": "answered", "reply": "p0", "messages": []},
                              {"round": 1, "step": 0, "worker": "planner", "status": "answered", "reply": "p1", "messages": []}],
                 "steps": [%s]}""".formatted(String.join(",", List.of(
                step(0, 0, "a"), step(0, 1, "b"), step(0, 2, "c", "a", "b"),
                step(1, 0, "d", "a", "b", "c"), step(1, 1, "e", "a", "b", "c"), step(1, 2, "f", "a", "b", "c", "d", "e"),
                step(1, 3, "g", "a", "b", "c", "f")))));
        TraceGraph graph = TraceGraph.of(trace);

        Map<String, TraceGraph.Point> layout = graph.layout();

        assertThat(layout.keySet()).containsExactlyInAnyOrderElementsOf(graph.nodes().stream().map(TraceGraph.Node::id).toList());
        List<String> ids = new ArrayList<>(layout.keySet());
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                TraceGraph.Point a = layout.get(ids.get(i));
                TraceGraph.Point b = layout.get(ids.get(j));
                assertThat(Math.abs(a.x() - b.x()) >= TraceGraph.COLUMN || Math.abs(a.y() - b.y()) >= TraceGraph.ROW)
                        .as("%s at %s and %s at %s overlap", ids.get(i), a, ids.get(j), b).isTrue();
            }
        }
        for (TraceGraph.Edge edge : graph.edges()) {
            assertThat(layout.get(edge.from()).x()).as("%s -> %s", edge.from(), edge.to()).isLessThan(layout.get(edge.to()).x());
        }
        // Round 2's plan comes after all of round 1; a chain stays on one line; side-by-side steps share a column.
        assertThat(layout.get("plan-1").x()).isGreaterThan(layout.get("step-0-2").x());
        assertThat(layout.get("step-1-3").y()).isEqualTo(layout.get("step-1-2").y());
        assertThat(layout.get("step-0-0").x()).isEqualTo(layout.get("step-0-1").x());
        assertThat(layout.get("step-0-2").y()).isEqualTo(layout.get("plan-0").y());
    }

    @Test
    void aChainOfStepsIsOneRowLeftToRight() throws Exception {
        JsonNode trace = Json.MAPPER.readTree("{\"planning\": [], \"steps\": [" + String.join(",",
                step(0, 0, "a"), step(0, 1, "b", "a"), step(0, 2, "c", "a", "b")) + "]}");

        Map<String, TraceGraph.Point> layout = TraceGraph.of(trace).layout();

        assertThat(layout.values()).extracting(TraceGraph.Point::y).containsOnly(0.0);
        assertThat(layout.values()).extracting(TraceGraph.Point::x).containsExactly(0.0, TraceGraph.COLUMN, 2 * TraceGraph.COLUMN);
    }

    /** A step replying {@code reply}, shown the replies {@code seen} as assistant turns, as the executor hands them. */
    private static String step(int round, int step, String reply, String... seen) {
        StringBuilder messages = new StringBuilder("{\"role\": \"user\", \"text\": \"q\"}");
        for (String text : seen) {
            messages.append(", {\"role\": \"assistant\", \"text\": \"").append(text).append("\"}");
        }
        return "{\"round\": %d, \"step\": %d, \"worker\": \"w\", \"subtask\": \"s\", \"status\": \"answered\", \"reply\": \"%s\", \"messages\": [%s]}"
                .formatted(round, step, reply, messages);
    }
}
