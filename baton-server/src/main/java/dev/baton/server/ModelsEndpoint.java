package dev.baton.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/** {@code GET /v1/models}: the served models in OpenAI's list format, conductors first, then the pool's workers. */
final class ModelsEndpoint implements Handler {

    private final ServedModels models;
    private final long created;

    ModelsEndpoint(ServedModels models, long created) {
        this.models = models;
        this.created = created;
    }

    @Override
    public void handle(Context ctx) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (ServedModel model : models.all()) {
            data.addObject().put("id", model.name()).put("object", "model").put("created", created)
                    .put("owned_by", model.ownedBy());
        }
        ctx.contentType("application/json").result(Json.write(root));
    }
}
