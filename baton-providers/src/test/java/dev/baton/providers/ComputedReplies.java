package dev.baton.providers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * A reply body written from the request it answers, for stubs that name this transformer: a provider whose reply
 * depends on what it was asked, such as one that writes until the {@code max_tokens} it was sent. The loopback server
 * holds one instance; a test sets what it answers with {@link #answerWith} before its calls.
 */
final class ComputedReplies implements ResponseDefinitionTransformerV2 {

    static final String NAME = "computed-replies";
    private static final ObjectMapper JSON = new ObjectMapper();

    private volatile Function<JsonNode, String> reply = request -> "{}";

    /** Answers every later request to a stub with this transformer with the body {@code reply} makes of its JSON. */
    void answerWith(Function<JsonNode, String> writer) {
        this.reply = Objects.requireNonNull(writer, "writer");
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        try {
            JsonNode request = JSON.readTree(event.getRequest().getBodyAsString());
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withBody(reply.apply(request)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }
}
