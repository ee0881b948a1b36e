package dev.baton.store;

import dev.baton.worker.CallOptions;
import dev.baton.worker.CallRequest;
import dev.baton.worker.ChatMessage;
import java.util.Locale;

/**
 * Names a worker call by what decides its answer: the SHA-256 of a canonical JSON of the model that answers, the call
 * options and the messages with their roles. The task a call serves is not part of it: the same question asked for
 * two tasks is the same call.
 *
 * <p>Canonical means one spelling per call: keys in a fixed (alphabetical) order, no whitespace, unset options as
 * {@code null}, numbers as Java prints them, and only {@code "}, {@code \} and control characters escaped. Changing
 * this spelling orphans every cached response, so it carries a version, {@code "v"}.
 */
final class ResponseKey {

    private static final int VERSION = 1;

    private ResponseKey() {
    }

    /** Returns the 32-byte key of asking {@code model} for {@code request}. */
    static byte[] of(String model, CallRequest request) {
        return TextDigest.of(canonicalJson(model, request));
    }

    static String canonicalJson(String model, CallRequest request) {
        StringBuilder json = new StringBuilder(256).append("{\"messages\":[");
        String separator = "";
        for (ChatMessage message : request.messages()) {
            json.append(separator).append("{\"role\":");
            string(json, message.role().name().toLowerCase(Locale.ROOT));
            json.append(",\"text\":");
            string(json, message.text());
            json.append('}');
            separator = ",";
        }
        json.append("],\"model\":");
        string(json, model);
        CallOptions options = request.options();
        json.append(",\"options\":{\"maxOutputTokens\":")
                .append(options.maxOutputTokens().isPresent() ? Integer.toString(options.maxOutputTokens().getAsInt()) : "null")
                .append(",\"reasoningEffort\":");
        if (options.reasoningEffort().isPresent()) {
            string(json, options.reasoningEffort().get());
        } else {
            json.append("null");
        }
        json.append(",\"temperature\":")
                .append(options.temperature().isPresent() ? Double.toString(options.temperature().getAsDouble()) : "null")
                .append("},\"v\":").append(VERSION).append('}');
        return json.toString();
    }

    private static void string(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
