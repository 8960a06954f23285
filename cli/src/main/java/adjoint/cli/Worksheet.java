package adjoint.cli;

import adjoint.check.CheckReport;
import adjoint.dsl.Matrix;
import adjoint.dsl.ParseException;
import adjoint.dsl.Scalar;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.Tape;
import adjoint.expr.AdjointException;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixText;
import adjoint.show.Dot;
import adjoint.show.Graphviz;
import adjoint.show.Trace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One worked problem, as the web page shows it: the expression and point as typed, and what
 * adjoint makes of them (value, gradient, formula, symbolic derivatives, the trace, the graph
 * as SVG, a gradient check and the grading of a hand derivation), or the error that stopped it.
 *
 * @param expression the expression as typed
 * @param at the point as typed, {@code name=value} pairs
 * @param grade the hand-derived gradient as typed, one {@code name = formula} per line
 * @param error what was wrong with the input, with the column caret of a parse error; null if nothing
 * @param value the value, or null
 * @param gradient each variable's name and gradient, as the command line prints it
 * @param formula the expression in Unicode notation
 * @param latex the expression in LaTeX
 * @param derivatives each variable's name and symbolic derivative, in Unicode and in LaTeX
 * @param trace the node-by-node trace as an HTML table, or a note why it is not shown
 * @param svg the graph as an inline {@code <svg>} element, or null if not drawn
 * @param graphNote how the graph was drawn, or why it was not
 * @param check the gradient check's report
 * @param grading one line per variable of the hand derivation's verdict; empty if none was given
 */
record Worksheet(String expression, String at, String grade, String error, String value, List<String[]> gradient,
        String formula, String latex, List<String[]> derivatives, String trace, String svg, String graphNote, String check,
        List<String> grading) {

    /** The limits that keep one request from taking the server down. */
    record Limits(int maxExpressionLength, int maxPointLength, int maxNodes, int maxDrawnNodes, Duration graphviz) {

        /** The limits of {@code adjoint serve}. */
        static final Limits DEFAULT = new Limits(2_000, 20_000, 5_000, 150, Duration.ofSeconds(5));
    }

    /** {@return a worksheet with nothing computed: an empty form, or one whose input was wrong} */
    static Worksheet failed(String expression, String at, String grade, String error) {
        return new Worksheet(expression, at, grade, error, null, List.of(), null, null, List.of(), null, null, null, null,
                List.of());
    }

    /**
     * {@return the worked problem}, or a worksheet with the error that stopped it
     *
     * @param expression the expression, in the command line's syntax
     * @param at the point, {@code name=value} pairs separated by commas
     * @param grade the hand-derived gradient, one {@code name = formula} per line, or blank
     * @param limits the bounds on input length and graph size
     * @param graphviz whether Graphviz's {@code dot} can be run
     */
    static Worksheet of(String expression, String at, String grade, Limits limits, boolean graphviz) {
        Objects.requireNonNull(limits, "limits is null");
        String e = expression == null ? "" : expression;
        String a = at == null ? "" : at;
        String g = grade == null ? "" : grade;
        if (e.isBlank()) {
            return failed(e, a, g, null);
        }
        if (e.length() > limits.maxExpressionLength()) {
            return failed(e, a, g, "the expression has " + e.length() + " characters; the page takes at most "
                    + limits.maxExpressionLength());
        }
        if (a.length() > limits.maxPointLength() || g.length() > limits.maxPointLength()) {
            return failed(e, a, g, "the point or the derivation is longer than " + limits.maxPointLength() + " characters");
        }
        try {
            return compute(e, a, g, limits, graphviz);
        } catch (ParseException ex) {
            return failed(e, a, g, ex.getMessage());
        } catch (AdjointException | IllegalArgumentException | ArithmeticException ex) {
            return failed(e, a, g, ex.getMessage());
        }
    }

    private static Worksheet compute(String e, String a, String g, Limits limits, boolean graphviz) {
        ExpressionAt input = ExpressionAt.of(e, a);
        Bindings point = input.bindings();
        Matrix m = input.expression();
        if (!m.shape().isScalar()) {
            return failed(e, a, g, "the expression is " + m.shape() + ", not a scalar: the page differentiates a scalar;"
                    + " reduce it, for example with sum(...)");
        }
        Scalar f = m.asScalar();
        CompiledFunction compiled = f.compile();
        if (compiled.nodeCount() > limits.maxNodes()) {
            return failed(e, a, g, "the expression has " + compiled.nodeCount() + " nodes; the page takes at most "
                    + limits.maxNodes());
        }
        Gradient gradient = compiled.gradient(point);
        List<String[]> grads = new ArrayList<>();
        List<String[]> derivatives = new ArrayList<>();
        for (Leaf.Variable v : compiled.parameters()) {
            grads.add(new String[] {v.name(), literal(gradient.matrix(v.name()).getData(), v)});
            String[] d = v.shape().isScalar()
                    ? derivative(f.derivative(new Scalar(v)).readable())
                    : derivative(f.derivative(new Matrix(v)).readable());
            derivatives.add(new String[] {v.name(), d[0], d[1]});
        }
        Tape tape = compiled.tape(point);
        Trace trace = Trace.of(tape);
        String traceHtml;
        String svg = null;
        String graphNote;
        if (tape.size() <= limits.maxDrawnNodes()) {
            traceHtml = trace.html();
            if (graphviz) {
                svg = graphviz(Dot.of(trace), limits.graphviz());
                graphNote = svg == null ? "Graphviz did not finish in time: a plain drawing instead" : "drawn by Graphviz";
            } else {
                graphNote = "a plain drawing: install Graphviz (apt-get install graphviz) for its layout";
            }
            if (svg == null) {
                svg = GraphDrawing.svg(trace);
            }
        } else {
            traceHtml = null;
            graphNote = "the graph has " + tape.size() + " nodes; the page draws and traces up to " + limits.maxDrawnNodes();
        }
        CheckReport check = f.check(point);
        List<String> grading = g.isBlank() ? List.of() : Grading.grade(f, compiled, point, g);
        return new Worksheet(e, a, g, null, Double.toString(gradient.value()), grads, f.formula(), f.latex(), derivatives,
                traceHtml, svg, graphNote, check.render(), grading);
    }

    private static String[] derivative(Scalar d) {
        return new String[] {d.formula(), d.latex()};
    }

    private static String[] derivative(Matrix d) {
        return new String[] {d.formula(), d.latex()};
    }

    /** {@return a gradient as the command line writes it: a number, or a matrix literal} */
    private static String literal(double[][] rows, Leaf.Variable v) {
        return v.shape().isScalar() ? Double.toString(rows[0][0]) : MatrixText.of(rows);
    }

    /** {@return the graph rendered by Graphviz as an inline {@code <svg>} element, or null if it did not finish in time} */
    private static String graphviz(String dot, Duration timeout) {
        Path file = null;
        try {
            file = Files.createTempFile("adjoint-page", ".svg");
            Graphviz.write(dot, file, timeout);
            String svg = Files.readString(file);
            int start = svg.indexOf("<svg");
            return start < 0 ? null : svg.substring(start);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (IllegalStateException ex) {
            return null;
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
