package adjoint.show;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.NodeRule;
import adjoint.eval.Tape;
import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Broadcast;
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
     * @param upstream {@code ∂f/∂node}, summed over its uses; for a node that depends on no
     *     variable (a constant), the true value, which backprop itself does not compute
     * @param propagated whether backprop carries the upstream gradient through this node: false
     *     for a node that depends on no variable
     * @param uses how many times the node is an input
     * @param inputs its inputs' names
     * @param local {@code ∂node/∂input} per input, where shown (else empty); null for an input
     *     that depends on no variable
     * @param passes what it passes down to each input: upstream times local; null for an input
     *     that depends on no variable, which backprop does not follow
     */
    public record Row(int index, String name, String computes, String op, Shape shape, RealMatrix value, RealMatrix upstream,
            boolean propagated, int uses, List<String> inputs, List<RealMatrix> local, List<RealMatrix> passes) {}

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
     * {@return the trace of a recorded pass, as drawn by hand}: a constant operand (a number, or
     * a number broadcast into a matrix) is written into the label of the node that uses it
     * ({@code n3 = n2 + 2}) and has no row of its own
     *
     * @param tape a recorded pass
     */
    public static Trace of(Tape tape) {
        return of(tape, false);
    }

    /**
     * {@return the trace of a recorded pass}, with a row for every constant operand too if
     * {@code constants}, each with the true upstream gradient it receives
     *
     * @param tape a recorded pass
     * @param constants whether constant operands get rows of their own
     */
    public static Trace of(Tape tape, boolean constants) {
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
                case Broadcast b when b.a() instanceof Leaf.Constant c -> Cells.number(c.value());
                case Leaf.MatrixConstant c -> "C" + (counter++);
                default -> "n" + (counter++);
            };
        }
        List<Row> rows = new ArrayList<>();
        // The true upstream gradient of every node that carries none on the tape (a constant, or
        // an expression of constants), summed from its users as backprop would if it followed them.
        RealMatrix[] constantUpstream = new RealMatrix[tape.size()];
        for (int i = tape.size() - 1; i >= 0; i--) {
            Expr e = tape.node(i);
            int[] in = tape.inputs(i);
            boolean propagated = tape.carriesGradient(i);
            RealMatrix upstream = propagated ? tape.gradient(i)
                    : constantUpstream[i] != null ? constantUpstream[i] : zeros(e.shape());
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
                List<RealMatrix> pulled = rule.pullback(List.of(values), upstream);
                for (int k = 0; k < in.length; k++) {
                    if (!tape.carriesGradient(in[k])) {
                        RealMatrix before = constantUpstream[in[k]];
                        constantUpstream[in[k]] = before == null ? pulled.get(k) : before.add(pulled.get(k));
                    }
                }
                if (propagated) {
                    passes = followed(tape, in, pulled);
                    if (e.shape().isScalar() || elementwise(e)) {
                        local = followed(tape, in, rule.pullback(List.of(values), ones(e.shape())));
                    }
                }
            }
            if (constants || !folded(e)) {
                rows.add(new Row(i, names[i], computes, e.op(), e.shape(), tape.value(i), upstream, propagated, tape.uses(i),
                        inputNames, local, passes));
            }
        }
        return new Trace(tape, List.copyOf(rows));
    }

    /** {@return whether {@code e} is a constant operand, written into its users' labels: a number, or a number broadcast} */
    private static boolean folded(Expr e) {
        return e instanceof Leaf.Constant || e instanceof Broadcast b && b.a() instanceof Leaf.Constant;
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

    /**
     * {@return the trace as an aligned text table}: a matrix shown by its shape and first
     * entries, and in full below the table
     */
    public String text() {
        List<String> full = new ArrayList<>();
        List<String[]> cells = cells(Style.TEXT, full);
        int[] width = new int[HEADER.length];
        for (String[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].codePointCount(0, row[c].length()));
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            String[] row = cells.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                line.append(row[c]);
                if (c < row.length - 1) {
                    line.append(" ".repeat(width[c] - row[c].codePointCount(0, row[c].length()) + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                for (int c = 0; c < row.length; c++) {
                    sb.append("-".repeat(width[c])).append(c < row.length - 1 ? "  " : "");
                }
                sb.append('\n');
            }
        }
        appendFull(sb, full, "");
        return sb.toString();
    }

    /** {@return the trace as a Markdown table}, matrices abbreviated in it and listed in full below */
    public String markdown() {
        List<String> full = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        List<String[]> cells = cells(Style.MARKDOWN, full);
        for (int r = 0; r < cells.size(); r++) {
            sb.append("| ").append(String.join(" | ", escapeMarkdown(cells.get(r)))).append(" |\n");
            if (r == 0) {
                sb.append("|").append(" --- |".repeat(HEADER.length)).append('\n');
            }
        }
        appendFull(sb, full, "- ");
        return sb.toString();
    }

    /**
     * {@return the table's cells as plain text, for a renderer of its own (the page's HTML)}:
     * the header first, then one row per node, each with the columns of {@link #text()};
     * matrices abbreviated, as {@link #matricesInFull()} lists them
     */
    public List<List<String>> cells() {
        List<List<String>> out = new ArrayList<>();
        for (String[] row : cells(Style.MARKDOWN, new ArrayList<>())) {
            out.add(List.of(row));
        }
        return List.copyOf(out);
    }

    /** {@return each matrix the table abbreviates, written in full, one line each: {@code n3 = [[1, 2], [3, 4]]}} */
    public List<String> matricesInFull() {
        List<String> full = new ArrayList<>();
        cells(Style.MARKDOWN, full);
        return List.copyOf(full);
    }

    /** {@return the trace as a LaTeX {@code tabular}}: every formula, number and matrix in math mode */
    public String latex() {
        StringBuilder sb = new StringBuilder("\\begin{tabular}{llllll}\n");
        List<String[]> cells = cells(Style.LATEX, new ArrayList<>());
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

    /** Where a trace is written: each writes numbers and matrices its own way. */
    private enum Style { TEXT, MARKDOWN, LATEX }

    private static void appendFull(StringBuilder sb, List<String> full, String bullet) {
        if (full.isEmpty()) {
            return;
        }
        sb.append('\n').append("matrices in full:\n");
        for (String line : full) {
            sb.append(bullet).append(line).append('\n');
        }
    }

    private List<String[]> cells(Style style, List<String> full) {
        boolean latex = style == Style.LATEX;
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
            String value = show(style, row.value(), full, row.name() + " value");
            String upstream = show(style, row.upstream(), full, row.name() + " ∂f/∂node")
                    + (row.uses() > 1 ? " (sum of " + row.uses() + " uses)" : "")
                    + (row.propagated() ? "" : " (constant: not propagated)");
            out.add(new String[] {
                latex ? "$" + latexName(row.name()) + "$" : row.name(),
                latex ? "$" + latexComputes(row, latexNames) + "$" : row.computes() + shapeNote(row),
                value,
                upstream,
                perInput(style, row, row.local(), full, "local ∂" + row.name() + "/∂",
                        !row.inputs().isEmpty() && row.local().isEmpty() && row.propagated() ? "(vector-Jacobian product)" : ""),
                perInput(style, row, row.passes(), full, row.name() + " passes to ", "")
            });
        }
        return out;
    }

    /**
     * {@return a number or matrix as a cell}: in text and Markdown a matrix with more than two
     * entries as its shape and first entry, recorded in full under {@code what}; in LaTeX in
     * math mode
     */
    private static String show(Style style, RealMatrix m, List<String> full, String what) {
        if (style == Style.LATEX) {
            return "$" + Cells.latex(m) + "$";
        }
        int entries = m.getRowDimension() * m.getColumnDimension();
        if (entries <= 2) {
            return Cells.value(m);
        }
        full.add(what + " = " + Cells.full(m));
        return Cells.brief(m);
    }

    /**
     * {@return what each row computes, in row order, as a Presentation MathML {@code <math>}
     * element}: {@code n7 = 1/n6} with {@code n₇} subscripted and the quotient as a fraction
     */
    public List<String> computesMathml() {
        IdentityHashMap<Expr, String> names = new IdentityHashMap<>();
        for (Row r : rows) {
            names.put(tape.node(r.index()), r.name());
        }
        List<String> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Expr e = tape.node(row.index());
            out.add(e.arity() == 0 ? MathMarkup.math(MathMarkup.name(row.name()))
                    : Formula.equation(row.name(), e, Formula.Style.MATHML, names::get, 200));
        }
        return List.copyOf(out);
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

    private static String perInput(Style style, Row row, List<RealMatrix> values, List<String> full, String what,
            String otherwise) {
        if (values.isEmpty()) {
            return otherwise;
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < values.size(); k++) {
            if (values.get(k) == null) {
                continue;
            }
            String input = row.inputs().get(k);
            String value = show(style, values.get(k), full, what + input);
            if (style == Style.LATEX) {
                parts.add(values.size() > 1 ? "$" + latexName(input) + "\\colon$ " + value : value);
            } else {
                parts.add((values.size() > 1 ? input + ": " : "") + value);
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

    private static RealMatrix zeros(Shape s) {
        return new Array2DRowRealMatrix(s.rows(), s.cols());
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
