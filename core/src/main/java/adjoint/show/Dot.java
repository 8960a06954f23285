package adjoint.show;

import adjoint.eval.Tape;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatMul;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The computational graph in Graphviz's DOT language: one box per node with its op, shape,
 * value and gradient, an arrow from each input to the node that uses it, labelled with the
 * local derivative {@code ∂node/∂input} at the point where there is one. Nodes are named as in
 * the {@link Trace} ({@code n7}, {@code x1}), and a constant's gradient, which backprop does not
 * propagate, is marked so. Variables are blue,
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
        return of(trace, false);
    }

    /**
     * {@return the graph of a trace, laid out from the inputs at the top to the result at the
     * bottom if {@code topDown}, else from left to right}: top to bottom keeps a deep graph
     * narrow enough to read at a page's width
     *
     * @param trace a trace
     * @param topDown whether to lay the graph out top to bottom
     */
    public static String of(Trace trace, boolean topDown) {
        Objects.requireNonNull(trace, "trace is null");
        Tape tape = trace.tape();
        Map<Integer, String> ids = ids(trace);
        Map<Integer, Trace.Row> byIndex = new HashMap<>();
        for (Trace.Row row : trace.rows()) {
            byIndex.put(row.index(), row);
        }
        StringBuilder sb = new StringBuilder();
        sb.append("digraph adjoint {\n");
        sb.append(topDown ? "  rankdir=TB;\n" : "  rankdir=LR;\n");
        sb.append("  node [shape=record, fontname=\"Helvetica\", fontsize=11, style=filled, fillcolor=white];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#555555\"];\n");
        for (Trace.Row row : trace.rows()) {
            Expr e = tape.node(row.index());
            StringBuilder label = new StringBuilder(escape(row.computes()));
            if (!row.shape().isScalar()) {
                label.append(" | ").append(row.shape());
            }
            label.append(" | value ").append(block(row.value()));
            label.append(" | ∂f/∂").append(escape(row.name())).append(' ').append(block(row.upstream()));
            if (!row.propagated()) {
                label.append(" (not propagated)");
            }
            if (row.uses() > 1) {
                label.append(" | used ").append(row.uses()).append("×");
            }
            String fill = switch (e) {
                case Leaf.Variable v -> "#cfe2ff";
                case Leaf.Constant c -> "#e9ecef";
                case Leaf.MatrixConstant c -> "#e9ecef";
                default -> row.uses() > 1 ? "#ffe5b4" : "white";
            };
            sb.append("  ").append(ids.get(row.index())).append(" [label=\"").append(label).append("\", fillcolor=\"")
                    .append(fill).append('"');
            if (row.index() == tape.root()) {
                sb.append(", peripheries=2");
            }
            sb.append("];\n");
        }
        for (Trace.Row row : trace.rows()) {
            int[] in = tape.inputs(row.index());
            for (int k = 0; k < in.length; k++) {
                if (!ids.containsKey(in[k])) {
                    // A constant written into this node's label: no node, no edge.
                    continue;
                }
                sb.append("  ").append(ids.get(in[k])).append(" -> ").append(ids.get(row.index()));
                String label = edgeLabel(tape.node(row.index()), row, k, byIndex.get(in[k]));
                if (!label.isEmpty()) {
                    sb.append(" [label=\"").append(escapeLabel(label)).append("\"]");
                }
                sb.append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    /**
     * {@return the DOT id of every node: its name in the trace ({@code n7}, {@code x1}), made
     * unique with a suffix where two constants share a value}
     */
    private static Map<Integer, String> ids(Trace trace) {
        Map<Integer, String> ids = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Trace.Row row : trace.rows()) {
            String name = row.name();
            int n = seen.merge(name, 1, Integer::sum);
            ids.put(row.index(), "\"" + escapeLabel(n == 1 ? name : name + "#" + n) + "\"");
        }
        return ids;
    }

    /**
     * {@return the label of the edge from input {@code k} to {@code row}'s node}: its local
     * derivative at the point where the trace shows one ({@code ∂n4/∂x2 = 4}); the operand's
     * role for a matrix product; nothing for an input backprop does not follow
     */
    private static String edgeLabel(Expr node, Trace.Row row, int k, Trace.Row input) {
        if (!row.local().isEmpty() && row.local().get(k) != null) {
            RealMatrix local = row.local().get(k);
            boolean small = local.getRowDimension() * local.getColumnDimension() <= 2;
            return "∂" + row.name() + "/∂" + input.name() + " = " + (small ? Cells.value(local) : Cells.brief(local));
        }
        if (node instanceof MatMul) {
            return k == 0 ? "left" : "right";
        }
        if (node.arity() > 1 && row.propagated() && input.propagated()) {
            return "input " + (k + 1);
        }
        return "";
    }

    /** {@return text made safe inside a quoted DOT string} */
    private static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
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
