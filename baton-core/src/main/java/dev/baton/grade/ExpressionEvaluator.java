package dev.baton.grade;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Evaluates a simple arithmetic expression in LaTeX or plain notation to a number.
 *
 * <p>Supports {@code + - * / ^}, {@code \cdot}, {@code \times}, {@code \div}, parentheses and braces,
 * implicit multiplication ({@code 2\sqrt{3}}, {@code 3\pi}), {@code \frac{a}{b}} and {@code \frac12},
 * {@code \sqrt{x}}, {@code \sqrt[n]{x}}, {@code \pi}, a few functions and single-letter variables bound by
 * the caller. Anything else makes the expression non-numeric, and the caller falls back to comparing text.
 * A hand-written recursive-descent parser keeps the graders free of scripting engines and libraries.
 */
final class ExpressionEvaluator {

    private ExpressionEvaluator() {}

    /** Evaluates an expression without variables; empty when it is not a finite number. */
    static OptionalDouble evaluate(String expression) {
        return evaluate(expression, Map.of());
    }

    /** Evaluates an expression with the given single-letter variables; empty when it cannot. */
    static OptionalDouble evaluate(String expression, Map<Character, Double> variables) {
        if (expression == null || expression.isBlank()) {
            return OptionalDouble.empty();
        }
        try {
            Parser parser = new Parser(expression.strip(), variables);
            double value = parser.expression();
            if (!parser.atEnd() || !Double.isFinite(value)) {
                return OptionalDouble.empty();
            }
            return OptionalDouble.of(value);
        } catch (NotNumeric e) {
            return OptionalDouble.empty();
        }
    }

    /** Signals text the grammar does not cover; cheap because it carries no stack trace. */
    private static final class NotNumeric extends RuntimeException {
        NotNumeric() {
            super(null, null, false, false);
        }
    }

    private static final class Parser {
        // Every nesting (parentheses, braces, \frac, \sqrt, signs, exponents) passes through unary(). Real answers
        // nest a few levels; text nested deeper is no number worth judging, and would overflow the stack.
        private static final int MAX_NESTING = 64;

        private final String s;
        private final Map<Character, Double> variables;
        private int pos;
        private int nesting;

        Parser(String s, Map<Character, Double> variables) {
            this.s = s;
            this.variables = variables;
        }

        boolean atEnd() {
            return pos >= s.length();
        }

        double expression() {
            double value = term();
            while (!atEnd()) {
                if (eat("+")) {
                    value += term();
                } else if (eat("-")) {
                    value -= term();
                } else {
                    break;
                }
            }
            return value;
        }

        double term() {
            double value = unary();
            while (!atEnd()) {
                if (eat("*") || eat("\\cdot") || eat("\\times")) {
                    value *= unary();
                } else if (eat("/") || eat("\\div")) {
                    value /= unary();
                } else if (startsAtom()) {
                    value *= power(); // implicit multiplication: 2\pi, 3(x+1), 2\sqrt{3}
                } else {
                    break;
                }
            }
            return value;
        }

        double unary() {
            if (++nesting > MAX_NESTING) {
                throw new NotNumeric();
            }
            try {
                if (eat("-")) {
                    return -unary();
                }
                if (eat("+")) {
                    return unary();
                }
                return power();
            } finally {
                nesting--;
            }
        }

        double power() {
            double base = atom();
            if (eat("^")) {
                // Right-associative, and the exponent may itself be signed: 2^-1, 2^{-1}.
                double exponent = peek() == '{' ? group() : unary();
                return Math.pow(base, exponent);
            }
            return base;
        }

        boolean startsAtom() {
            char c = peek();
            return Character.isDigit(c) || c == '.' || c == '(' || c == '{' || Character.isLetter(c)
                    || (c == '\\' && !s.startsWith("\\cdot", pos) && !s.startsWith("\\times", pos)
                            && !s.startsWith("\\div", pos));
        }

        double atom() {
            char c = peek();
            if (Character.isDigit(c) || c == '.') {
                return number();
            }
            if (eat("(") || eat("{") || eat("[")) {
                double value = expression();
                if (!(eat(")") || eat("}") || eat("]"))) {
                    throw new NotNumeric();
                }
                return value;
            }
            if (c == '\\') {
                return command();
            }
            if (Character.isLetter(c)) {
                return letters();
            }
            throw new NotNumeric();
        }

        double command() {
            if (eat("\\frac")) {
                double numerator = group();
                return numerator / group();
            }
            if (eat("\\sqrt")) {
                if (eat("[")) {
                    double degree = expression();
                    expect("]");
                    return Math.pow(group(), 1.0 / degree);
                }
                return Math.sqrt(group());
            }
            if (eat("\\pi")) {
                return Math.PI;
            }
            for (String fn : new String[] {"\\sin", "\\cos", "\\tan", "\\ln", "\\log", "\\exp"}) {
                if (eat(fn)) {
                    return apply(fn.substring(1), fn.equals("\\log") ? logBase() : 0);
                }
            }
            throw new NotNumeric();
        }

        /** Reads {@code \log_b}'s base; 10 when absent. */
        double logBase() {
            return eat("_") ? group() : 10;
        }

        double apply(String fn, double base) {
            double x = power();
            return switch (fn) {
                case "sin" -> Math.sin(x);
                case "cos" -> Math.cos(x);
                case "tan" -> Math.tan(x);
                case "ln" -> Math.log(x);
                case "log" -> Math.log(x) / Math.log(base);
                default -> Math.exp(x);
            };
        }

        double letters() {
            if (eat("pi")) {
                return Math.PI;
            }
            if (eat("sqrt")) {
                return Math.sqrt(atom());
            }
            skipSpaces();
            Double value = variables.get(s.charAt(pos));
            if (value == null) {
                throw new NotNumeric();
            }
            pos++;
            return value;
        }

        /** A LaTeX argument: {@code {...}}, or a single digit or symbol as in {@code \frac12}. */
        double group() {
            if (eat("{")) {
                double value = expression();
                expect("}");
                return value;
            }
            char c = peek();
            if (Character.isDigit(c)) {
                pos++;
                return c - '0';
            }
            return atom();
        }

        double number() {
            skipSpaces();
            int start = pos;
            while (!atEnd() && (Character.isDigit(peek()) || peek() == '.')) {
                pos++;
            }
            try {
                return Double.parseDouble(s.substring(start, pos));
            } catch (NumberFormatException e) {
                throw new NotNumeric();
            }
        }

        char peek() {
            skipSpaces();
            return atEnd() ? '\0' : s.charAt(pos);
        }

        /** Spaces are kept until parsing so that {@code \pi r} does not read as the command {@code \pir}. */
        void skipSpaces() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skipSpaces();
            if (s.startsWith(token, pos)) {
                // A command must not be the prefix of a longer one: \pi is not \pitchfork.
                int end = pos + token.length();
                if (token.startsWith("\\") && end < s.length() && Character.isLetter(s.charAt(end))
                        && Character.isLetter(token.charAt(token.length() - 1))) {
                    return false;
                }
                pos = end;
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!eat(token)) {
                throw new NotNumeric();
            }
        }
    }
}
