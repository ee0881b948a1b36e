package dev.baton.server;

import dev.baton.client.Answer;
import java.util.List;
import java.util.Objects;

/**
 * One chat request answered: what the response, its headers and the stored trace are written from.
 *
 * @param id        the completion's id, which is also its trace's id
 * @param created   when the request arrived, in seconds since the epoch (OpenAI's {@code created})
 * @param model     the model the client named
 * @param answer    Baton's answer with its whole trace
 * @param workflows every round's workflow in the paper's text format
 */
record Completion(String id, long created, String model, Answer answer, List<String> workflows) {

    Completion {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(answer, "answer");
        workflows = List.copyOf(workflows);
    }
}
