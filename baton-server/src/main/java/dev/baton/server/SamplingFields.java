package dev.baton.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The sampling fields of OpenAI's chat request ({@code temperature}, {@code max_tokens}, …). Baton leaves sampling to
 * the pool file and ignores their values, but checks them as OpenAI does: a client that sends
 * {@code "temperature": "hot"} or {@code "max_tokens": -1} has a bug, and is told so (400 naming the field) rather
 * than answered as if the field were right.
 */
final class SamplingFields {

    /** What a field's value must be. */
    private sealed interface Rule permits Between, Whole, Text, Stop, Flag {
    }

    /** A number from {@code min} to {@code max}. */
    private record Between(double min, double max) implements Rule {
    }

    /** A whole number from {@code min} to {@code max}. */
    private record Whole(long min, long max) implements Rule {
    }

    private record Text() implements Rule {
    }

    /** A string, or an array of up to four. */
    private record Stop() implements Rule {
    }

    private record Flag() implements Rule {
    }

    private static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("temperature", new Between(0, 2)),
            Map.entry("top_p", new Between(0, 1)),
            Map.entry("presence_penalty", new Between(-2, 2)),
            Map.entry("frequency_penalty", new Between(-2, 2)),
            Map.entry("max_tokens", new Whole(1, Integer.MAX_VALUE)),
            Map.entry("max_completion_tokens", new Whole(1, Integer.MAX_VALUE)),
            Map.entry("seed", new Whole(Long.MIN_VALUE, Long.MAX_VALUE)),
            Map.entry("top_logprobs", new Whole(0, 20)),
            Map.entry("logprobs", new Flag()),
            Map.entry("stop", new Stop()),
            Map.entry("user", new Text()));

    private SamplingFields() {
    }

    /**
     * Checks the sampling fields of a request body, in the order the body gives them.
     *
     * @throws ApiException (400) naming the first field whose value is not what OpenAI accepts
     */
    static void check(JsonNode root) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            Rule rule = RULES.get(field.getKey());
            JsonNode value = field.getValue();
            if (rule != null && !value.isNull() && !holds(rule, value)) {
                throw ApiException.invalidRequest("'" + field.getKey() + "' must be " + describe(rule) + ", got "
                        + TracePages.shorten(value.toString(), 40), field.getKey());
            }
        }
    }

    private static boolean holds(Rule rule, JsonNode value) {
        return switch (rule) {
            case Between between -> value.isNumber() && value.asDouble() >= between.min() && value.asDouble() <= between.max();
            case Whole whole -> value.canConvertToLong() && value.isIntegralNumber()
                    && value.asLong() >= whole.min() && value.asLong() <= whole.max();
            case Text text -> value.isTextual();
            case Stop stop -> value.isTextual() || (value.isArray() && value.size() <= 4
                    && value.valueStream().allMatch(JsonNode::isTextual));
            case Flag flag -> value.isBoolean();
        };
    }

    private static String describe(Rule rule) {
        return switch (rule) {
            case Between between -> "a number from " + plain(between.min()) + " to " + plain(between.max());
            case Whole whole when whole.max() == Long.MAX_VALUE -> "a whole number";
            case Whole whole when whole.max() == Integer.MAX_VALUE -> "a whole number of at least " + whole.min();
            case Whole whole -> "a whole number from " + whole.min() + " to " + whole.max();
            case Text text -> "a string";
            case Stop stop -> "a string or an array of up to 4 strings";
            case Flag flag -> "a boolean";
        };
    }

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
