package dev.baton.eval.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Places point labels where they overlap neither earlier labels nor marked points, trying a few spots around
 * each point in turn; with a dozen labels on a crowded scatter, greedy is good enough.
 */
final class LabelPlacer {

    private static final double HEIGHT = 13;

    private final List<double[]> taken = new ArrayList<>();
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    /** Starts with nothing taken inside the given bounds, which labels must stay within. */
    LabelPlacer(double minX, double minY, double maxX, double maxY) {
        this.minX = minX;
        this.minY = minY;
        this.maxX = maxX;
        this.maxY = maxY;
    }

    /** Marks a point's disc as taken, so no label covers it. */
    void occupy(double x, double y, double radius) {
        taken.add(new double[] {x - radius, y - radius, x + radius, y + radius});
    }

    /** Marks a rectangle as taken, for example a band along a reference line. */
    void occupy(double x1, double y1, double x2, double y2) {
        taken.add(new double[] {Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)});
    }

    /**
     * Returns where to write the label of the point at {@code (x, y)} and marks that spot taken.
     *
     * @param gap how far from the point's centre the label starts
     */
    Placement place(double x, double y, String text, double gap) {
        double width = text.length() * SvgChart.CHAR_WIDTH;
        // Right, left, above, below, then the diagonals and further out: the nearer spots read best.
        double[][] candidates = {
            {x + gap, y + 4, 0}, {x - gap, y + 4, 1}, {x, y - gap - 3, 2}, {x, y + gap + 12, 2},
            {x + gap, y - gap - 2, 0}, {x + gap, y + gap + 10, 0}, {x - gap, y - gap - 2, 1}, {x - gap, y + gap + 10, 1},
            {x + gap, y - 2 * gap - 8, 0}, {x + gap, y + 2 * gap + 16, 0}, {x - gap, y - 2 * gap - 8, 1},
            {x - gap, y + 2 * gap + 16, 1},
        };
        Placement fallback = null;
        for (double[] candidate : candidates) {
            String anchor = candidate[2] == 0 ? "start" : candidate[2] == 1 ? "end" : "middle";
            double[] box = box(candidate[0], candidate[1], width, anchor);
            if (box[0] < minX || box[2] > maxX || box[1] < minY || box[3] > maxY) {
                continue;
            }
            Placement placement = new Placement(candidate[0], candidate[1], anchor);
            if (fallback == null) {
                fallback = placement;
            }
            if (taken.stream().noneMatch(other -> overlaps(box, other))) {
                taken.add(box);
                return placement;
            }
        }
        Placement chosen = fallback != null ? fallback : new Placement(x - gap, y + 4, "end");
        taken.add(box(chosen.x(), chosen.y(), width, chosen.anchor()));
        return chosen;
    }

    private static double[] box(double x, double baseline, double width, String anchor) {
        double start = switch (anchor) {
            case "start" -> x;
            case "end" -> x - width;
            default -> x - width / 2;
        };
        return new double[] {start - 2, baseline - HEIGHT + 2, start + width + 2, baseline + 3};
    }

    private static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /** Where a label goes: its text's anchor point and SVG {@code text-anchor}. */
    record Placement(double x, double y, String anchor) {
    }
}
