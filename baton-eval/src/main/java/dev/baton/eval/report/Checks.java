package dev.baton.eval.report;

/** Validates the numbers the report's records hold, so a bad figure fails where it is made, not when drawn. */
final class Checks {

    private Checks() {
    }

    /** Rejects NaN and infinities, which neither JSON nor a chart can show. */
    static void finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite: " + value);
        }
    }

    /** Rejects values outside 0..100. */
    static void percent(String name, double value) {
        finite(name, value);
        if (value < 0 || value > 100) {
            throw new IllegalArgumentException(name + " must be a percentage in 0..100: " + value);
        }
    }

    /** Rejects negative values. */
    static void nonNegative(String name, double value) {
        finite(name, value);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    /** Rejects null and blank text. */
    static String notBlank(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
