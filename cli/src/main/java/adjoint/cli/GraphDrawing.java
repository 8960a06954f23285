package adjoint.cli;

import adjoint.eval.Tape;
import adjoint.show.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The computational graph as a plain SVG drawing, for when Graphviz is not installed: the
 * inputs at the top and the result at the bottom, each node on the level of its longest path
 * from an input, a box with its name, value and upstream gradient, an arrow from each input.
 * Text is 14 px, so that a page column need not shrink it below 12.
 */
final class GraphDrawing {

    private static final int BOX_WIDTH = 260;
    private static final int BOX_HEIGHT = 64;
    private static final int COLUMN = 290;
    private static final int ROW = 120;
    private static final int MARGIN = 20;

    private GraphDrawing() {}

    /** {@return the trace's graph as an {@code <svg>} element} */
    static String svg(Trace trace) {
        Tape tape = trace.tape();
        int n = tape.size();
        Map<Integer, Trace.Row> rows = new HashMap<>();
        for (Trace.Row r : trace.rows()) {
            rows.put(r.index(), r);
        }
        int[] column = new int[n];
        for (int i = 0; i < n; i++) {
            for (int in : tape.inputs(i)) {
                if (rows.containsKey(in)) {
                    column[i] = Math.max(column[i], column[in] + 1);
                }
            }
        }
        Map<Integer, Integer> rowsUsed = new HashMap<>();
        int[] row = new int[n];
        int width = 0;
        int height = 0;
        for (int i = 0; i < n; i++) {
            if (!rows.containsKey(i)) {
                continue;
            }
            row[i] = rowsUsed.merge(column[i], 1, Integer::sum) - 1;
            width = Math.max(width, x(row[i]) + BOX_WIDTH + MARGIN);
            height = Math.max(height, y(column[i]) + BOX_HEIGHT + MARGIN);
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"graph plain\" width=\"%d\""
                + " height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"14\">%n", width, height, width, height));
        sb.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\""
                + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#555\"/></marker></defs>\n");
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Trace.Row r = rows.get(i);
            if (r == null) {
                continue;
            }
            int[] in = tape.inputs(i);
            for (int k = 0; k < in.length; k++) {
                if (!rows.containsKey(in[k])) {
                    continue;
                }
                int x1 = x(row[in[k]]) + BOX_WIDTH / 2;
                int y1 = y(column[in[k]]) + BOX_HEIGHT;
                int x2 = x(row[i]) + BOX_WIDTH / 2;
                int y2 = y(column[i]);
                sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#555\""
                        + " marker-end=\"url(#arrow)\"/>%n", x1, y1, x2, y2));
                if (!r.local().isEmpty() && r.local().get(k) != null && r.local().get(k).getRowDimension() == 1
                        && r.local().get(k).getColumnDimension() == 1) {
                    labels.add(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"13\" fill=\"#333\">∂%s/∂%s = %s</text>%n",
                            (x1 + x2) / 2 + 4, (y1 + y2) / 2, Page.escape(r.name()), Page.escape(rows.get(in[k]).name()),
                            number(r.local().get(k).getEntry(0, 0))));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            Trace.Row r = rows.get(i);
            if (r == null) {
                continue;
            }
            String fill = tape.node(i).arity() > 0 ? "#ffffff" : r.propagated() ? "#cfe2ff" : "#e9ecef";
            int x = x(row[i]);
            int y = y(column[i]);
            sb.append(String.format(Locale.ROOT, "<g class=\"node\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\""
                    + " stroke=\"#333\" stroke-width=\"%s\"/>%n", x, y, BOX_WIDTH, BOX_HEIGHT, fill, i == tape.root() ? "2.5" : "1"));
            text(sb, x, y + 18, r.computes());
            text(sb, x, y + 36, "value " + summary(r.value()));
            text(sb, x, y + 54, "∂f/∂" + r.name() + " " + summary(r.upstream()) + (r.propagated() ? "" : " (not propagated)"));
            sb.append("</g>\n");
        }
        labels.forEach(sb::append);
        return sb.append("</svg>").toString();
    }

    private static void text(StringBuilder sb, int x, int y, String s) {
        String shown = s.length() > 36 ? s.substring(0, 35) + "…" : s;
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", x + 6, y, Page.escape(shown)));
    }

    private static String summary(org.apache.commons.math3.linear.RealMatrix m) {
        return m.getRowDimension() * m.getColumnDimension() == 1 ? number(m.getEntry(0, 0))
                : m.getRowDimension() + "x" + m.getColumnDimension() + " matrix";
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+(e|$)", "$1");
    }

    private static int x(int column) {
        return MARGIN + column * COLUMN;
    }

    private static int y(int row) {
        return MARGIN + row * ROW;
    }
}
