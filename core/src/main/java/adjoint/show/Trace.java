package adjoint.show;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.NodeRule;
import adjoint.eval.Tape;
import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A backprop derivation written out the way a computational-graph homework is solved: one row
 * per node in the order backprop visits them (the result first, the variables last), with the
 * node's value, its upstream gradient {@code ∂f/∂node} (summed over its uses when it has
 * several), its local gradients {@code ∂node/∂input}, and what it passes down to each input.
 * As aligned text, Markdown or LaTeX.
 *
 * <p>Local gradients and what is passed down come from the same rules backprop runs
 * ({@link NodeRule}). A local gradient is shown where it is a number or a matrix of entrywise
 * derivatives: for a scalar node, or an elementwise op. A matrix op such as a product passes
 * down a vector-Jacobian product, shown as what it passes.
 */
public final class Trace {

    /**
     * One node's line.
     *
     * @param index the node's number on the tape
     * @param name its short name: a variable's name, a constant's value, or {@code n7}
     * @param computes what it computes from its inputs' names, as {@code n7 = sin(n6)}
     * @param op the op's name
     * @param shape the node's shape
     * @param value its value
     * @param upstream {@code ∂f/∂node}, summed over its uses
     * @param uses how many times the node is an input
     * @param inputs its inputs' names
     * @param local {@code ∂node/∂input} per input, where shown (else empty); null for an input
     *     that depends on no variable
     * @param passes what it passes down to each input: upstream times local; null for an input
     *     that depends on no variable, which backprop does not follow
     */
    public record Row(int index, String name, String computes, String op, Shape shape, RealMatrix value, RealMatrix upstream,
            int uses, List<String> inputs, List<RealMatrix> local, List<RealMatrix> passes) {}

    private final Tape tape;
    private final List<Row> rows;

    private Trace(Tape tape, List<Row> rows) {
        this.tape = tape;
        this.rows = rows;
    }

    /**
     * {@return the trace of a scalar expression at a point}
     *
     * @param expression a scalar expression
     * @param at a value for every variable
     */
    public static Trace of(Term expression, Bindings at) {
        return of(Backprop.tape(expression, at));
    }

    /**
     * {@return the trace of a recorded pass}
     *
     * @param tape a recorded pass
     */
    public static Trace of(Tape tape) {
        Objects.requireNonNull(tape, "tape is null");
        String[] names = new String[tape.size()];
        IdentityHashMap<Expr, Integer> index = new IdentityHashMap<>();
        int counter = 0;
        for (int i = 0; i < tape.size(); i++) {
            Expr e = tape.node(i);
            index.put(e, i);
            names[i] = switch (e) {
                case Leaf.Variable v -> v.name();
                case Leaf.Constant c -> Cells.number(c.value());
                case Leaf.MatrixConstant c -> "C" + (counter++);
                default -> "n" + (counter++);
            };
        }
        List<Row> rows = new ArrayList<>();
        for (int i = tape.size() - 1; i >= 0; i--) {
            Expr e = tape.node(i);
            int[] in = tape.inputs(i);
            RealMatrix upstream = tape.gradient(i);
            List<String> inputNames = Arrays.stream(in).mapToObj(k -> names[k]).toList();
            String computes = e.arity() == 0 ? names[i]
                    : names[i] + " = " + Formula.of(e, Formula.Style.UNICODE, x -> {
                        Integer k = index.get(x);
                        return k == null ? null : names[k];
                    }, 200);
            List<RealMatrix> local = List.of();
            List<RealMatrix> passes = List.of();
            if (in.length > 0) {
                RealMatrix[] values = new RealMatrix[in.length];
                for (int k = 0; k < in.length; k++) {
                    values[k] = tape.value(in[k]);
                }
                NodeRule rule = NodeRule.of(e);
                passes = followed(tape, in, rule.pullback(List.of(values), upstream));
                if (e.shape().isScalar() || elementwise(e)) {
                    local = followed(tape, in, rule.pullback(List.of(values), ones(e.shape())));
                }
            }
            rows.add(new Row(i, names[i], computes, e.op(), e.shape(), tape.value(i), upstream, tape.uses(i), inputNames,
                    local, passes));
        }
        return new Trace(tape, List.copyOf(rows));
    }

    /** {@return the gradients, null where the input carries no gradient, as backprop does not follow it} */
    private static List<RealMatrix> followed(Tape tape, int[] in, List<RealMatrix> gradients) {
        RealMatrix[] out = gradients.toArray(new RealMatrix[0]);
        for (int k = 0; k < in.length; k++) {
            if (!tape.carriesGradient(in[k])) {
                out[k] = null;
            }
        }
        return Collections.unmodifiableList(Arrays.asList(out));
    }

    /** {@return the rows, in the order backprop visits the nodes: the result first} */
    public List<Row> rows() {
        return rows;
    }

    /** {@return the recorded pass the trace was made from} */
    public Tape tape() {
        return tape;
    }

    /** {@return the trace as an aligned text table} */
    public String text() {
        List<String[]> cells = cells(false);
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            for (int c = 0; c < row.length; c++) {
                sb.append(row[c]);
                if (c < row.length - 1) {
                    sb.append(" ".repeat(width[c] - row[c].codePointCount(0, row[c].length()) + 2));
                }
            }
            sb.append('\n');
            if (r == 0) {
                for (int c = 0; c < row.length; c++) {
                    sb.append("-".repeat(width[c])).append(c < row.length - 1 ? "  " : "");
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** {@return the trace as a Markdown table} */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        List<String[]> cells = cells(false);
        for (int r = 0; r < cells.size(); r++) {
            sb.append("| ").append(String.join(" | ", escapeMarkdown(cells.get(r)))).append(" |\n");
            if (r == 0) {
                sb.append("|").append(" --- |".repeat(HEADER.length)).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@return the trace as a LaTeX {@code tabular}, formulas in math mode} */
    public String latex() {
        StringBuilder sb = new StringBuilder("\\begin{tabular}{llllll}\n");
        List<String[]> cells = cells(true);
        for (int r = 0; r < cells.size(); r++) {
            sb.append(String.join(" & ", cells.get(r))).append(" \\\\\n");
            if (r == 0) {
                sb.append("\\hline\n");
            }
        }
        return sb.append("\\end{tabular}\n").toString();
    }

    private static final String[] HEADER = {"node", "computes", "value", "∂f/∂node (upstream)", "local ∂node/∂input",
        "passes down"};

    private List<String[]> cells(boolean latex) {
        IdentityHashMap<Expr, String> latexNames = new IdentityHashMap<>();
        if (latex) {
            for (Row r : rows) {
                latexNames.put(tape.node(r.index()), latexName(r.name()));
            }
        }
        List<String[]> out = new ArrayList<>();
        out.add(latex ? new String[] {"node", "computes", "value", "$\\partial f/\\partial$node",
            "local $\\partial$node$/\\partial$input", "passes down"} : HEADER);
        for (Row row : rows) {
            String upstream = Cells.value(row.upstream()) + (row.uses() > 1 ? " (sum of " + row.uses() + " uses)" : "");
            String computes = row.computes();
            out.add(new String[] {
                latex ? "$" + latexName(row.name()) + "$" : row.name(),
                latex ? "$" + latexComputes(row, latexNames) + "$" : computes + shapeNote(row),
                Cells.value(row.value()),
                upstream,
                perInput(row, row.local(), !row.inputs().isEmpty() && row.local().isEmpty() ? "(vector-Jacobian product)" : ""),
                perInput(row, row.passes(), "")
            });
        }
        return out;
    }

    private String latexComputes(Row row, IdentityHashMap<Expr, String> names) {
        Expr e = tape.node(row.index());
        if (e.arity() == 0) {
            return latexName(row.name());
        }
        return latexName(row.name()) + " = " + Formula.of(e, Formula.Style.LATEX, names::get, 400);
    }

    private static String latexName(String name) {
        return name.matches("n\\d+") ? "n_{" + name.substring(1) + "}" : Formula.subscripted(name, true);
    }

    private static String shapeNote(Row row) {
        return row.shape().isScalar() ? "" : "  (" + row.shape() + ")";
    }

    private static String perInput(Row row, List<RealMatrix> values, String otherwise) {
        if (values.isEmpty()) {
            return otherwise;
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) != null) {
                parts.add((values.size() > 1 ? row.inputs().get(k) + ": " : "") + Cells.value(values.get(k)));
            }
        }
        return String.join("; ", parts);
    }

    private static String[] escapeMarkdown(String[] row) {
        String[] out = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i].replace("|", "\\|");
        }
        return out;
    }

    private static boolean elementwise(Expr e) {
        return e instanceof Unary || e instanceof Binary || e instanceof Custom.Elementwise;
    }

    private static RealMatrix ones(Shape s) {
        RealMatrix m = new Array2DRowRealMatrix(s.rows(), s.cols());
        return m.scalarAdd(1);
    }

    /** {@return the trace as text} */
    @Override
    public String toString() {
        return text();
    }
}
