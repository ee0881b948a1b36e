package dev.baton.server;

import dev.baton.execute.Budget;
import dev.baton.input.InvalidSettingException;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Reads a request's own budget from {@code x-baton-max-calls}, {@code x-baton-max-usd} and {@code x-baton-timeout-ms},
 * each capped by the server's limit: a header may lower a limit, never raise it. A header that is not a positive
 * number (for USD a plain decimal one, such as {@code 0.25}) is refused (400).
 */
final class BudgetHeaders {

    static final String MAX_CALLS = "x-baton-max-calls";
    static final String MAX_USD = "x-baton-max-usd";
    static final String TIMEOUT_MS = "x-baton-timeout-ms";
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

    private BudgetHeaders() {
    }

    static Budget read(Context ctx, ServerLimits limits) {
        Budget server = limits.budget();
        Budget asked = server;
        String callsHeader = ctx.header(MAX_CALLS);
        if (callsHeader != null) {
            asked = asked.withMaxCalls((int) Math.min(Integer.MAX_VALUE, positiveLong(callsHeader, MAX_CALLS)));
        }
        String usdHeader = ctx.header(MAX_USD);
        if (usdHeader != null) {
            asked = asked.withMaxCostUsd(positiveDouble(usdHeader, MAX_USD));
        }
        String timeoutHeader = ctx.header(TIMEOUT_MS);
        if (timeoutHeader != null) {
            asked = asked.withDeadline(Duration.ofMillis(positiveLong(timeoutHeader, TIMEOUT_MS)));
        }
        return asked.within(server);
    }

    private static long positiveLong(String value, String header) {
        try {
            long parsed = Long.parseLong(value.strip());
            if (parsed >= 1) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ApiException.invalidRequest("Header " + header + " must be a positive whole number, got '" + value + "'", header);
    }

    private static double positiveDouble(String value, String header) {
        String text = value.strip();
        // Double.parseDouble also reads 0x1p3, 8d, 1e-3: numbers nobody writes as a budget, refused here.
        if (PLAIN_DECIMAL.matcher(text).matches()) {
            try {
                return Budget.requireUsd(Double.parseDouble(text), header);
            } catch (InvalidSettingException e) {
                // zero, or so large it is infinite: falls through to the refusal
            }
        }
        throw ApiException.invalidRequest("Header " + header + " must be a positive decimal number of USD (such as 0.25), "
                + "got '" + value + "'", header);
    }
}
