package dev.baton.server;

import dev.baton.execute.Budget;
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
        int calls = limits.maxCalls();
        String callsHeader = ctx.header(MAX_CALLS);
        if (callsHeader != null) {
            calls = (int) Math.min(calls, positiveLong(callsHeader, MAX_CALLS));
        }
        double usd = limits.maxCostUsd();
        String usdHeader = ctx.header(MAX_USD);
        if (usdHeader != null) {
            usd = Math.min(usd, positiveDouble(usdHeader, MAX_USD));
        }
        Duration timeout = limits.timeout();
        String timeoutHeader = ctx.header(TIMEOUT_MS);
        if (timeoutHeader != null) {
            Duration asked = Duration.ofMillis(positiveLong(timeoutHeader, TIMEOUT_MS));
            timeout = asked.compareTo(timeout) < 0 ? asked : timeout;
        }
        return new Budget(calls, usd, timeout);
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
        try {
            // Double.parseDouble also reads 0x1p3, 8d, 1e-3: numbers nobody writes as a budget, refused here.
            if (!PLAIN_DECIMAL.matcher(value.strip()).matches()) {
                throw new NumberFormatException("not a plain decimal number");
            }
            double parsed = Double.parseDouble(value.strip());
            if (parsed > 0 && !Double.isInfinite(parsed)) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw ApiException.invalidRequest("Header " + header + " must be a positive decimal number of USD (such as 0.25), "
                + "got '" + value + "'", header);
    }
}
