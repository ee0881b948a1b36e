package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.task.Conversation;
import dev.baton.worker.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The parts of an OpenAI chat completion request Baton uses: the model, the conversation, and how to answer
 * (streamed or not, usage in the stream or not). Sampling parameters are the pool's business: checked
 * ({@link SamplingFields}), then ignored.
 *
 * @param model        a served model's name
 * @param messages     the conversation, oldest first; at least one user message
 * @param stream       whether to answer as server-sent events
 * @param includeUsage whether a streamed answer ends with a usage chunk ({@code stream_options.include_usage})
 */
record ChatRequest(String model, List<Message> messages, boolean stream, boolean includeUsage) {

    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool");

    ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
    }

    /** One message: its role and its text (text parts joined; an assistant's null content is empty). */
    record Message(String role, String text) {
    }

    /**
     * Reads a request body.
     *
     * @throws ApiException (400) for malformed JSON, a missing or mistyped field, no user message, or more than
     *                      {@code maxMessages} messages
     */
    static ChatRequest parse(String body, int maxMessages) {
        JsonNode root = Json.readRequest(body);
        JsonNode model = root.get("model");
        if (model == null || model.isNull()) {
            throw ApiException.invalidRequest("Missing required parameter: 'model'", "model");
        }
        if (!model.isTextual() || model.asText().isBlank()) {
            throw ApiException.invalidRequest("'model' must be a non-empty string", "model");
        }
        List<Message> messages = messages(root.get("messages"), maxMessages);
        boolean stream = bool(root, "stream", "stream");
        JsonNode options = root.get("stream_options");
        boolean includeUsage = false;
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw ApiException.invalidRequest("'stream_options' must be an object", "stream_options");
            }
            includeUsage = bool(options, "include_usage", "stream_options.include_usage");
        }
        SamplingFields.check(root);
        JsonNode n = root.get("n");
        if (n != null && !n.isNull() && !(n.isIntegralNumber() && n.asInt() == 1)) {
            throw ApiException.invalidRequest("Baton answers with one choice: 'n' must be 1", "n");
        }
        return new ChatRequest(model.asText(), messages, stream, includeUsage);
    }

    private static List<Message> messages(JsonNode node, int maxMessages) {
        if (node == null || node.isNull()) {
            throw ApiException.invalidRequest("Missing required parameter: 'messages'", "messages");
        }
        if (!node.isArray()) {
            throw ApiException.invalidRequest("'messages' must be an array", "messages");
        }
        if (node.isEmpty()) {
            throw ApiException.invalidRequest("'messages' must hold at least one message", "messages");
        }
        if (node.size() > maxMessages) {
            throw ApiException.invalidRequest("'messages' holds " + node.size() + " messages; this server accepts at most "
                    + maxMessages, "messages");
        }
        List<Message> messages = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            messages.add(message(node.get(i), "messages[" + i + "]"));
        }
        if (messages.stream().noneMatch(m -> m.role().equals("user"))) {
            throw ApiException.invalidRequest("'messages' must hold a user message: its last one is the question", "messages");
        }
        return messages;
    }

    private static Message message(JsonNode node, String where) {
        if (!node.isObject()) {
            throw ApiException.invalidRequest("'" + where + "' must be an object", where);
        }
        JsonNode role = node.get("role");
        if (role == null || !role.isTextual() || !ROLES.contains(role.asText())) {
            throw ApiException.invalidRequest("'" + where + ".role' must be one of " + ROLES.stream().sorted().toList(),
                    where + ".role");
        }
        return new Message(role.asText(), content(node.get("content"), role.asText(), where + ".content"));
    }

    private static String content(JsonNode content, String role, String where) {
        if (content == null || content.isNull()) {
            if (role.equals("assistant")) {
                return "";
            }
            throw ApiException.invalidRequest("Missing required parameter: '" + where + "'", where);
        }
        if (content.isTextual()) {
            return content.asText();
        }
        if (!content.isArray()) {
            throw ApiException.invalidRequest("'" + where + "' must be a string or an array of text parts", where);
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < content.size(); i++) {
            JsonNode part = content.get(i);
            JsonNode type = part.get("type");
            JsonNode text = part.get("text");
            if (!part.isObject() || type == null || !type.asText().equals("text") || text == null || !text.isTextual()) {
                throw ApiException.invalidRequest("'" + where + "[" + i + "]' must be a text part ({\"type\": \"text\", "
                        + "\"text\": ...}); Baton answers text only", where + "[" + i + "]");
            }
            texts.add(text.asText());
        }
        return texts.stream().collect(Collectors.joining("\n"));
    }

    private static boolean bool(JsonNode parent, String field, String param) {
        JsonNode value = parent.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiException.invalidRequest("'" + param + "' must be a boolean", param);
        }
        return value.asBoolean();
    }

    /** Returns the last user message: the question. */
    String question() {
        return messages.get(lastUser()).text();
    }

    /** Returns the question with the conversation before it as context ({@link Conversation#question()}). */
    String questionWithContext() {
        return new Conversation(messages.stream().map(m -> new Conversation.Turn(speaker(m.role()), m.text())).toList())
                .question().orElseThrow(() -> new IllegalStateException("parse() admits only conversations with a user message"));
    }

    /** Returns the first user message: a worker step's question and subtask, where a gateway finds its task. */
    String firstUserText() {
        return messages.stream().filter(m -> m.role().equals("user")).findFirst().orElseThrow().text();
    }

    /**
     * Returns the conversation up to its last user message as a worker is sent it: instructions as system turns, a
     * tool's result as a user turn (a worker call has no tool turns), anything after the last user message dropped.
     */
    List<ChatMessage> conversation() {
        List<ChatMessage> turns = new ArrayList<>();
        for (Message message : messages.subList(0, lastUser() + 1)) {
            turns.add(switch (message.role()) {
                case "system", "developer" -> ChatMessage.system(message.text());
                case "assistant" -> ChatMessage.assistant(message.text());
                default -> ChatMessage.user(message.text());
            });
        }
        return turns;
    }

    private int lastUser() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return i;
            }
        }
        throw new IllegalStateException("parse() admits only conversations with a user message");
    }

    private static Conversation.Speaker speaker(String role) {
        return switch (role) {
            case "system", "developer" -> Conversation.Speaker.INSTRUCTIONS;
            case "user" -> Conversation.Speaker.USER;
            case "assistant" -> Conversation.Speaker.ASSISTANT;
            default -> Conversation.Speaker.NOTE;
        };
    }
}
