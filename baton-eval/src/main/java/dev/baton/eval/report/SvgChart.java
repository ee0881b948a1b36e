package dev.baton.eval.report;

import java.util.List;

/**
 * Writes one inline SVG chart: a plot area inside margins, axes with ticks and titles, and the marks the
 * concrete charts place on it. Colours are attributes, not page CSS, so a chart copied out still looks right.
 */
final class SvgChart {

    /** Distinct, colour-blind-friendly series colours (Okabe-Ito), in the order series take them. */
    static final List<String> SERIES_COLOURS =
            List.of("#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000");
    static final String INK = "#1f2933";
    static final String MUTED = "#6b7785";
    static final String GRID = "#e4e8ee";
    /** Average width of a 12px sans-serif character, for placing labels without measuring fonts. */
    static final double CHAR_WIDTH = 6.6;

    private final StringBuilder out = new StringBuilder();
    private final double left;
    private final double top;
    private final double plotWidth;
    private final double plotHeight;

    /**
     * Starts a chart.
     *
     * @param title  the accessible title, shown as a tooltip too
     * @param width  the whole chart's width in pixels
     * @param height the whole chart's height in pixels
     * @param top    margin above the plot area (legend room)
     * @param right  margin right of it
     * @param bottom margin below it (tick labels and the x title)
     * @param left   margin left of it (tick labels and the y title)
     */
    SvgChart(String title, int width, int height, double top, double right, double bottom, double left) {
        this.left = left;
        this.top = top;
        this.plotWidth = width - left - right;
        this.plotHeight = height - top - bottom;
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" role=\"img\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\"")
                .append(" font-size=\"12\" fill=\"").append(INK).append("\">\n");
        out.append("<title>").append(Html.escape(title)).append("</title>\n");
    }

    /** Returns the horizontal pixel of a value on the x axis. */
    double x(Axis axis, double value) {
        return left + axis.fraction(value) * plotWidth;
    }

    /** Returns the vertical pixel of a value on the y axis; SVG's y grows downwards, values upwards. */
    double y(Axis axis, double value) {
        return top + (1 - axis.fraction(value)) * plotHeight;
    }

    /** Returns the plot area's left edge. */
    double plotLeft() {
        return left;
    }

    /** Returns the plot area's right edge. */
    double plotRight() {
        return left + plotWidth;
    }

    /** Returns the plot area's top edge. */
    double plotTop() {
        return top;
    }

    /** Returns the plot area's bottom edge. */
    double plotBottom() {
        return top + plotHeight;
    }

    /**
     * Draws grid lines, the two axis lines, ticks with labels and the axis titles.
     *
     * @param yAxis null for a category axis, whose labels the chart writes itself; {@code yTitle} is then ignored
     */
    void axes(Axis xAxis, Axis yAxis, String xTitle, String yTitle) {
        out.append("<g class=\"axes\">\n");
        for (double tick : xAxis.minorTicks()) {
            double px = x(xAxis, tick);
            line(px, plotTop(), px, plotBottom(), GRID, 0.6, null);
        }
        for (double tick : xAxis.ticks()) {
            double px = x(xAxis, tick);
            line(px, plotTop(), px, plotBottom(), GRID, 1, null);
            line(px, plotBottom(), px, plotBottom() + 5, MUTED, 1, null);
            text(px, plotBottom() + 18, xAxis.label(tick), "middle", MUTED, null);
        }
        if (yAxis != null) {
            for (double tick : yAxis.ticks()) {
                double py = y(yAxis, tick);
                line(plotLeft(), py, plotRight(), py, GRID, 1, null);
                line(plotLeft() - 5, py, plotLeft(), py, MUTED, 1, null);
                text(plotLeft() - 8, py + 4, yAxis.label(tick), "end", MUTED, null);
            }
        }
        line(plotLeft(), plotBottom(), plotRight(), plotBottom(), MUTED, 1, null);
        line(plotLeft(), plotTop(), plotLeft(), plotBottom(), MUTED, 1, null);
        text(plotLeft() + plotWidth / 2, plotBottom() + 38, xTitle, "middle", INK, null);
        if (yAxis == null) {
            out.append("</g>\n");
            return;
        }
        double midY = plotTop() + plotHeight / 2;
        out.append("<text x=\"0\" y=\"0\" text-anchor=\"middle\" transform=\"translate(").append(n(plotLeft() - 46))
                .append(' ').append(n(midY)).append(") rotate(-90)\">").append(Html.escape(yTitle)).append("</text>\n");
        out.append("</g>\n");
    }

    /** Draws a line; {@code dash} is an SVG dash pattern or null for a solid line. */
    void line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(n(width)).append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>\n");
    }

    /** Draws a polyline through the points, each {@code {x, y}} in pixels. */
    void polyline(List<double[]> points, String colour, double width, double opacity) {
        out.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(n(width))
                .append("\" stroke-linejoin=\"round\" stroke-opacity=\"").append(n(opacity)).append("\" points=\"");
        for (int i = 0; i < points.size(); i++) {
            out.append(i == 0 ? "" : " ").append(n(points.get(i)[0])).append(',').append(n(points.get(i)[1]));
        }
        out.append("\"/>\n");
    }

    /** Draws a dot; the tooltip, if not null, names it on hover. */
    void circle(double cx, double cy, double r, String fill, String stroke, String tooltip) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(fill).append('"');
        if (stroke != null) {
            out.append(" stroke=\"").append(stroke).append("\" stroke-width=\"1.5\"");
        }
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></circle>\n");
        }
    }

    /** Draws a rectangle; the tooltip, if not null, names it on hover. */
    void rect(double x, double y, double width, double height, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(height)).append("\" rx=\"2\" fill=\"")
                .append(fill).append('"');
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></rect>\n");
        }
    }

    /** Writes text; {@code anchor} is {@code start}, {@code middle} or {@code end}; weight null for normal. */
    void text(double x, double y, String text, String anchor, String colour, String weight) {
        text(x, y, text, anchor, colour, weight, false);
    }

    /** Writes a point label: text with a white halo, so it stays legible where it crosses lines and dots. */
    void label(double x, double y, String text, String anchor, String colour, String weight) {
        text(x, y, text, anchor, colour, weight, true);
    }

    private void text(double x, double y, String text, String anchor, String colour, String weight, boolean halo) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(colour).append('"');
        if (halo) {
            out.append(" stroke=\"#ffffff\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
        if (weight != null) {
            out.append(" font-weight=\"").append(weight).append('"');
        }
        out.append('>').append(Html.escape(text)).append("</text>\n");
    }

    /**
     * Draws a legend in one row above the plot area, right-aligned.
     *
     * @param entries the names with their colours and how each sample is drawn
     */
    void legend(List<LegendEntry> entries) {
        double width = 0;
        for (LegendEntry entry : entries) {
            width += 26 + entry.name().length() * CHAR_WIDTH + 16;
        }
        double x = Math.max(plotLeft(), plotRight() - width);
        double y = plotTop() - 14;
        for (LegendEntry entry : entries) {
            switch (entry.mark()) {
                case DOT -> circle(x + 9, y - 4, 4.5, entry.colour(), null, null);
                case LINE -> line(x, y - 4, x + 18, y - 4, entry.colour(), 2.5, null);
                case DASHED -> line(x, y - 4, x + 18, y - 4, entry.colour(), 1.5, "5 4");
            }
            text(x + 24, y, entry.name(), "start", INK, null);
            x += 26 + entry.name().length() * CHAR_WIDTH + 16;
        }
    }

    /** Closes the chart and returns its markup. */
    String finish() {
        return out.append("</svg>\n").toString();
    }

    /** Formats a pixel coordinate: one decimal is finer than any screen shows, and keeps the page small. */
    private static String n(double value) {
        return Figures.format("%.1f", value);
    }

    /** One legend entry. */
    record LegendEntry(String name, String colour, Mark mark) {
    }

    /** How a legend entry's sample is drawn. */
    enum Mark { DOT, LINE, DASHED }
}
