package dev.baton.grade;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges single-number answers (GSM8K-style) by numeric value with a small tolerance.
 *
 * <p>Either side may carry the notation around the number: a GSM8K gold marker ({@code # 18},
 * {@code #### 18}), currency ({@code $1,000}), units ({@code 18 dollars}), a percent sign, a
 * trailing {@code .0}, or a fraction ({@code 1/2}, {@code \frac{1}{2}}) that equals a decimal.
 */
final class NumberGrader implements Grader {

    static final NumberGrader INSTANCE = new NumberGrader();

    // A number, possibly written as a fraction such as 1/2 (a unit such as "cups/day" is not a fraction).
    private static final Pattern NUMBER =
            Pattern.compile("(-?(?:\\d+(?:\\.\\d+)?|\\.\\d+))(?:\\s*/\\s*(\\d+(?:\\.\\d+)?))?");
    private static final Pattern FRACTION = Pattern.compile("\\\\[dt]?frac\\s*\\{\\s*(\\d+)\\s*}\\s*\\{\\s*(\\d+)\\s*}");
    private static final Pattern THOUSANDS_COMMA = Pattern.compile("(?<=\\d),(?=\\d{3}(?!\\d))");
    // A GSM8K gold marker: # 18, #### 18.
    private static final Pattern LEADING_HASHES = Pattern.compile("^#+");
    private static final Pattern TIME_ON_THE_HOUR = Pattern.compile("\\b(\\d{1,2}):00\\b");

    private NumberGrader() {}

    @Override
    public Optional<String> extract(String reply) {
        return AnswerExtraction.extract(reply, true);
    }

    @Override
    public boolean equivalent(String answer, String reference) {
        OptionalDouble x = value(answer);
        OptionalDouble y = value(reference);
        return x.isPresent() && y.isPresent() && close(x.getAsDouble(), y.getAsDouble());
    }

    /**
     * Returns whether two numbers are the same answer: whole numbers exactly (a relative tolerance of 1e-6 would
     * let 1000001 pass for a gold of 1000000, and GSM8K has golds above a million), others within 1e-6 relative.
     */
    static boolean close(double x, double y) {
        if (x == Math.rint(x) && y == Math.rint(y)) {
            return x == y;
        }
        return Math.abs(x - y) <= 1e-6 * Math.max(1.0, Math.abs(y));
    }

    /**
     * Reads the number an answer states: its only number once currency, units and words are set aside
     * ({@code $1,000}, {@code 18 dollars per day}), where a fraction ({@code 1/2}, {@code \frac{1}{2}}) is
     * one number. An answer that names several different numbers, such as working ({@code 9 * 2 = 18}),
     * an expression left uncomputed ({@code (5 + 4) * 7}) or prose, does not state one number, so it has
     * no value: the task asked for the number itself, and picking one of several would credit a guess.
     */
    static OptionalDouble value(String answer) {
        String s = LEADING_HASHES.matcher(answer.strip()).replaceFirst("");
        s = s.replace("\\$", "").replace("$", "").replace("\\%", "").replace("%", "");
        s = s.replace("\\!", "").replace("{,}", ",");
        s = FRACTION.matcher(s).replaceAll("$1/$2");
        s = THOUSANDS_COMMA.matcher(s).replaceAll("").strip();
        s = TIME_ON_THE_HOUR.matcher(s).replaceAll("$1"); // a time on the hour, 2:00 pm, is the number 2
        Matcher m = NUMBER.matcher(s);
        OptionalDouble only = OptionalDouble.empty();
        while (m.find()) {
            double number = Double.parseDouble(m.group(1));
            if (m.group(2) != null) {
                number /= Double.parseDouble(m.group(2));
            }
            if (only.isPresent() && only.getAsDouble() != number) {
                return OptionalDouble.empty();
            }
            only = OptionalDouble.of(number);
        }
        return only.isPresent() && Double.isFinite(only.getAsDouble()) ? only : OptionalDouble.empty();
    }
}
