package adjoint.show;

import adjoint.eval.Tape;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The computational graph in Graphviz's DOT language: one box per node with its op, shape,
 * value and gradient, an arrow from each input to the node that uses it. Variables are blue,
 * constants grey, the result has a double border, and a node used more than once is orange and
 * says how many times. Render it with {@link Graphviz}.
 */
public final class Dot {

    private Dot() {}

    /**
     * {@return the graph of a recorded pass, every node labelled with its value and gradient}
     *
     * @param tape a recorded pass
     */
    public static String of(Tape tape) {
        return of(Trace.of(Objects.requireNonNull(tape, "tape is null")));
    }

    /**
     * {@return the graph of a trace already made, every node labelled with its value and gradient}
     *
     * @param trace a trace
     */
    public static String of(Trace trace) {
        Objects.requireNonNull(trace, "trace is null");
        Tape tape = trace.tape();
        StringBuilder sb = new StringBuilder();
        sb.append("digraph adjoint {\n");
        sb.append("  rankdir=LR;\n");
        sb.append("  node [shape=record, fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=white];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
        for (Trace.Row row : trace.rows()) {
            Expr e = tape.node(row.index());
            StringBuilder label = new StringBuilder(escape(row.computes()));
            if (!row.shape().isScalar()) {
                label.append(" | ").append(row.shape());
            }
            label.append(" | value ").append(block(row.value()));
            label.append(" | grad ").append(block(row.upstream()));
            if (row.uses() > 1) {
                label.append(" | used ").append(row.uses()).append("×");
            }
            String fill = switch (e) {
                case Leaf.Variable v -> "#cfe2ff";
                case Leaf.Constant c -> "#e9ecef";
                case Leaf.MatrixConstant c -> "#e9ecef";
                default -> row.uses() > 1 ? "#ffe5b4" : "white";
            };
            sb.append("  n").append(row.index()).append(" [label=\"").append(label).append("\", fillcolor=\"")
                    .append(fill).append('"');
            if (row.index() == tape.root()) {
                sb.append(", peripheries=2");
            }
            sb.append("];\n");
        }
        for (Trace.Row row : trace.rows()) {
            int[] in = tape.inputs(row.index());
            for (int k = 0; k < in.length; k++) {
                sb.append("  n").append(in[k]).append(" -> n").append(row.index());
                if (in.length > 1) {
                    sb.append(" [label=\"").append(k).append("\"]");
                }
                sb.append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /** {@return a scalar on the same line; a matrix on lines of its own, one per row} */
    private static String block(RealMatrix m) {
        List<String> lines = Cells.lines(m);
        if (lines.size() == 1 && m.getColumnDimension() == 1) {
            return escape(lines.get(0));
        }
        StringBuilder sb = new StringBuilder("\\n");
        for (String line : lines) {
            sb.append(escape(line)).append("\\n");
        }
        return sb.toString();
    }

    /** {@return text made safe inside a DOT record label} */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if ("{}|<>\"\\".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
