package adjoint.cli;

import adjoint.show.Trace;
import java.util.List;

/**
 * A trace as an HTML {@code <table>} for the page: its cells escaped, what each node computes
 * typeset in MathML, matrices abbreviated in the table and listed in full below it, a
 * constant's row of the page's class {@code constant}.
 */
final class TraceHtml {

    /** The column of what a node computes, typeset as MathML with its text as the cell's title. */
    private static final int COMPUTES = 1;

    private TraceHtml() {}

    /** {@return the trace's table and, if it has matrices, the list of them in full} */
    static String of(Trace trace) {
        List<List<String>> cells = trace.cells();
        StringBuilder sb = new StringBuilder("<table class=\"trace\">\n<thead><tr>");
        for (String h : cells.get(0)) {
            sb.append("<th>").append(Page.escape(h)).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        List<String> computes = trace.computesMathml();
        for (int r = 1; r < cells.size(); r++) {
            Trace.Row row = trace.rows().get(r - 1);
            sb.append(row.propagated() ? "<tr>" : "<tr class=\"constant\">");
            List<String> line = cells.get(r);
            for (int c = 0; c < line.size(); c++) {
                if (c == COMPUTES) {
                    sb.append("<td class=\"computes\" title=\"").append(Page.escape(line.get(c))).append("\">").append(computes.get(r - 1))
                            .append(row.shape().isScalar() ? "" : " <span class=\"shape\">(" + row.shape() + ")</span>").append("</td>");
                } else {
                    sb.append("<td>").append(Page.escape(line.get(c))).append("</td>");
                }
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        List<String> full = trace.matricesInFull();
        if (!full.isEmpty()) {
            sb.append("<p>matrices in full:</p>\n<ul class=\"matrices\">\n");
            for (String line : full) {
                sb.append("<li>").append(Page.escape(line)).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        return sb.toString();
    }
}
