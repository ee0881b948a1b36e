package dev.baton.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Judges LaTeX answers (MATH-style) by mathematical equivalence rather than by spelling.
 *
 * <p>Two answers match when their canonical spellings are equal, when both evaluate to the same number
 * ({@code 0.5} and {@code \frac{1}{2}}), when both are the same expression in the same variables (checked
 * at sample points), or when they are intervals, tuples or lists whose parts match. A gold that is a bare
 * comma list is a set of solutions, so its order does not matter; a bracketed tuple's order does.
 */
final class MathGrader implements Grader {

    static final MathGrader INSTANCE = new MathGrader();

    // Points chosen away from 0, 1 and small integers so that different expressions rarely coincide.
    private static final double[][] SAMPLE_POINTS = {{0.37, 1.91, 2.53}, {1.73, 0.61, 3.17}, {2.29, 1.13, 0.83}};
    private static final Pattern LATEX_COMMAND = Pattern.compile("\\\\[a-zA-Z]+");
    // Tuples in tuples are compared part by part, one level of recursion each. Real answers nest two or three
    // levels; a reply nested thousands deep would overflow the stack, and is no answer worth judging.
    static final int MAX_PART_NESTING = 16;

    private MathGrader() {}

    @Override
    public Optional<String> extract(String reply) {
        return AnswerExtraction.extract(reply, false);
    }

    @Override
    public boolean equivalent(String answer, String reference) {
        return same(LatexNormalizer.normalize(answer), LatexNormalizer.normalize(reference), 0);
    }

    private static boolean same(String a, String r, int nesting) {
        if (a.isEmpty() || r.isEmpty()) {
            return false;
        }
        if (a.equals(r)) {
            return true;
        }
        if (nesting > MAX_PART_NESTING) {
            return false;
        }
        if (sameValue(a, r) || sameFunction(a, r)) {
            return true;
        }
        return samePieces(a, r, "\\cup", nesting) || sameBracketed(a, r, nesting) || sameList(a, r, nesting);
    }

    private static boolean sameValue(String a, String r) {
        OptionalDouble x = ExpressionEvaluator.evaluate(a);
        OptionalDouble y = ExpressionEvaluator.evaluate(r);
        return x.isPresent() && y.isPresent() && close(x.getAsDouble(), y.getAsDouble());
    }

    private static boolean close(double x, double y) {
        return NumberGrader.close(x, y);
    }

    /** Compares expressions in variables, such as {@code 2x+2} and {@code 2(x+1)}, at sample points. */
    private static boolean sameFunction(String a, String r) {
        TreeSet<Character> vars = variables(a);
        if (vars.isEmpty() || vars.size() > SAMPLE_POINTS[0].length || !vars.equals(variables(r))) {
            return false;
        }
        for (double[] point : SAMPLE_POINTS) {
            Map<Character, Double> binding = new java.util.HashMap<>();
            int i = 0;
            for (char v : vars) {
                binding.put(v, point[i++]);
            }
            OptionalDouble x = ExpressionEvaluator.evaluate(a, binding);
            OptionalDouble y = ExpressionEvaluator.evaluate(r, binding);
            if (x.isEmpty() || y.isEmpty() || !close(x.getAsDouble(), y.getAsDouble())) {
                return false;
            }
        }
        return true;
    }

    private static TreeSet<Character> variables(String s) {
        TreeSet<Character> vars = new TreeSet<>();
        String withoutCommands = LATEX_COMMAND.matcher(s).replaceAll(" ");
        for (char c : withoutCommands.toCharArray()) {
            if (Character.isLetter(c) && c < 128) {
                vars.add(c);
            }
        }
        return vars;
    }

    /** Compares unions of intervals and similar joined pieces, in order. */
    private static boolean samePieces(String a, String r, String joint, int nesting) {
        if (!r.contains(joint) || !a.contains(joint)) {
            return false;
        }
        String[] x = a.split(java.util.regex.Pattern.quote(joint));
        String[] y = r.split(java.util.regex.Pattern.quote(joint));
        if (x.length != y.length) {
            return false;
        }
        for (int i = 0; i < x.length; i++) {
            if (!same(x[i], y[i], nesting + 1)) {
                return false;
            }
        }
        return true;
    }

    /** Compares intervals and tuples: same brackets, same parts in the same order. */
    private static boolean sameBracketed(String a, String r, int nesting) {
        if (!isBracketed(a) || !isBracketed(r) || a.charAt(0) != r.charAt(0)
                || a.charAt(a.length() - 1) != r.charAt(r.length() - 1)) {
            return false;
        }
        List<String> x = TopLevel.split(a.substring(1, a.length() - 1));
        List<String> y = TopLevel.split(r.substring(1, r.length() - 1));
        if (x.size() != y.size() || x.size() < 2) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!same(x.get(i), y.get(i), nesting + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBracketed(String s) {
        return s.length() >= 2 && "([".indexOf(s.charAt(0)) >= 0 && ")]".indexOf(s.charAt(s.length() - 1)) >= 0
                && TopLevel.closes(s);
    }

    /** Compares a bare comma list of solutions with an answer's list, ignoring order. */
    private static boolean sameList(String a, String r, int nesting) {
        List<String> y = TopLevel.split(r);
        if (y.size() < 2 || isBracketed(r)) {
            return false;
        }
        List<String> x = new ArrayList<>(TopLevel.split(a));
        if (x.size() != y.size()) {
            return false;
        }
        for (String want : y) {
            int match = -1;
            for (int i = 0; i < x.size() && match < 0; i++) {
                if (same(x.get(i), want, nesting + 1)) {
                    match = i;
                }
            }
            if (match < 0) {
                return false;
            }
            x.remove(match);
        }
        return true;
    }
}
