package adjoint.cli;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.dsl.Matrix;
import adjoint.dsl.ParseException;
import adjoint.dsl.Scalar;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Cost;
import adjoint.eval.Gradient;
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
import java.util.Locale;
import java.util.Objects;

/**
 * One worked problem, as the web page shows it: the input as typed, and what adjoint makes of
 * it, or the error that stopped it. Built with one compile of the expression per request.
 *
 * @param input the expression, point and derivation as typed
 * @param error what was wrong with the input, with the column caret of a parse error; null if nothing
 * @param result what was computed; null if nothing was (an empty form, or an error)
 */
record Worksheet(Input input, String error, Result result) {

    /**
     * The form's fields as typed.
     *
     * @param expression the expression
     * @param at the point, {@code name=value} pairs
     * @param grade the hand-derived gradient, one {@code name = formula} per line
     */
    record Input(String expression, String at, String grade) {}

    /**
     * What the page shows of a worked problem.
     *
     * @param value the value
     * @param gradient each variable's gradient, in parameter order
     * @param formula the expression in Unicode notation
     * @param mathml the expression as a MathML {@code <math>} element
     * @param latex the expression in LaTeX
     * @param derivatives each variable's symbolic derivative
     * @param drawing the trace and the graph, or why they are not shown
     * @param check the gradient check
     * @param grading one verdict per variable of the hand derivation; empty if none was given
     */
    record Result(double value, List<Entry> gradient, String formula, String mathml, String latex, List<Derivative> derivatives,
            Drawing drawing, CheckReport check, List<Verdict> grading) {}

    /**
     * One variable's gradient.
     *
     * @param variable the variable's name
     * @param value the gradient as the command line writes it: a number or a matrix literal
     */
    record Entry(String variable, String value) {}

    /**
     * One variable's symbolic derivative.
     *
     * @param variable the variable's name
     * @param unicode the derivative in Unicode notation
     * @param mathml the derivative as a MathML {@code <math>} element
     * @param latex the derivative in LaTeX
     */
    record Derivative(String variable, String unicode, String mathml, String latex) {}

    /**
     * The trace and the graph of a worked problem.
     *
     * @param trace the node-by-node trace, or null if the graph is too large to show
     * @param svg the graph as an inline {@code <svg>} element, or null if not drawn
     * @param note how the graph was drawn, or why it was not
     * @param byGraphviz whether Graphviz drew it, so that it can draw the PNG too
     */
    record Drawing(Trace trace, String svg, String note, boolean byGraphviz) {}

    /**
     * The limits that keep one request from taking the server down.
     *
     * @param maxExpressionLength the longest expression, in characters
     * @param maxPointLength the longest point or derivation, in characters
     * @param maxNodes the most nodes of the expression
     * @param maxDrawnNodes the most nodes traced and drawn
     * @param graphviz how long Graphviz may draw
     * @param maxEntries the most matrix entries one value and gradient may hold ({@link Cost#entries})
     * @param maxMultiplyAdds the most multiply-adds one value and gradient may do ({@link Cost#multiplyAdds})
     */
    record Limits(int maxExpressionLength, int maxPointLength, int maxNodes, int maxDrawnNodes, Duration graphviz,
            long maxEntries, long maxMultiplyAdds) {

        /** The limits of {@code adjoint serve}: 4 million entries (32 MB) and 200 million multiply-adds a pass. */
        static final Limits DEFAULT = new Limits(2_000, 20_000, 5_000, 150, Duration.ofSeconds(5), 4_000_000, 200_000_000);

        /** {@return why {@code cost} is over these limits, or null if it is within them} */
        String refusal(Cost cost) {
            if (cost.within(maxEntries, maxMultiplyAdds)) {
                return null;
            }
            return String.format(Locale.ROOT, "this problem needs %s for one gradient; the page's budget is %,d entries and"
                    + " %,d multiply-adds: try smaller matrices", cost, maxEntries, maxMultiplyAdds);
        }
    }

    /** {@return a worksheet with nothing computed: an empty form, or one whose input was wrong} */
    static Worksheet failed(String expression, String at, String grade, String error) {
        return new Worksheet(new Input(expression, at, grade), error, null);
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
        String overBudget = limits.refusal(Cost.of(f));
        if (overBudget != null) {
            return failed(e, a, g, overBudget);
        }
        CompiledFunction compiled = f.compile();
        if (compiled.nodeCount() > limits.maxNodes()) {
            return failed(e, a, g, "the expression has " + compiled.nodeCount() + " nodes; the page takes at most "
                    + limits.maxNodes());
        }
        Gradient gradient = compiled.gradient(point);
        List<Entry> entries = new ArrayList<>();
        List<Derivative> derivatives = new ArrayList<>();
        for (Leaf.Variable v : compiled.parameters()) {
            entries.add(new Entry(v.name(), literal(gradient.matrix(v.name()).getData(), v)));
            derivatives.add(v.shape().isScalar()
                    ? derivative(v.name(), f.derivative(new Scalar(v)).readable())
                    : derivative(v.name(), f.derivative(new Matrix(v)).readable()));
        }
        Drawing drawing = compiled.nodeCount() > limits.maxDrawnNodes()
                ? new Drawing(null, null, "the graph has " + compiled.nodeCount() + " nodes; the page draws and traces up to "
                        + limits.maxDrawnNodes(), false)
                : draw(Trace.of(compiled.tape(point)), limits, graphviz);
        CheckReport check = GradientCheck.defaults().check(compiled, point);
        List<Verdict> grading = g.isBlank() ? List.of() : Grading.grade(f, compiled, point, g);
        Result result = new Result(gradient.value(), entries, f.formula(), f.mathml(), f.latex(), derivatives, drawing, check, grading);
        return new Worksheet(new Input(e, a, g), null, result);
    }

    /**
     * {@return the trace with its graph drawn top to bottom}: by Graphviz within the limits' time
     * if it can run, else (or if it runs out of time) as a plain drawing, with a note saying which
     */
    static Drawing draw(Trace trace, Limits limits, boolean graphviz) {
        String svg = null;
        String note;
        if (graphviz) {
            svg = graphviz(Dot.of(trace, true), limits.graphviz());
            note = svg == null ? "Graphviz did not finish in time: a plain drawing instead" : "drawn by Graphviz";
        } else {
            note = "a plain drawing: install Graphviz (apt-get install graphviz) for its layout";
        }
        return new Drawing(trace, svg == null ? GraphDrawing.svg(trace) : svg, note, svg != null);
    }

    private static Derivative derivative(String variable, Scalar d) {
        return new Derivative(variable, d.formula(), d.mathml(), d.latex());
    }

    private static Derivative derivative(String variable, Matrix d) {
        return new Derivative(variable, d.formula(), d.mathml(), d.latex());
    }

    /** {@return a gradient as the command line writes it: a number, or a matrix literal} */
    private static String literal(double[][] rows, Leaf.Variable v) {
        return v.shape().isScalar() ? Double.toString(rows[0][0]) : MatrixText.of(rows);
    }

    /**
     * {@return the trace's graph drawn top to bottom by Graphviz as a PNG image}
     *
     * @throws IllegalStateException if Graphviz is missing or does not finish within the limits' time
     */
    static byte[] png(Trace trace, Limits limits) {
        return render(Dot.of(trace, true), ".png", limits.graphviz());
    }

    /** {@return the graph rendered by Graphviz as an inline {@code <svg>} element, or null if it did not finish in time} */
    private static String graphviz(String dot, Duration timeout) {
        String svg;
        try {
            svg = new String(render(dot, ".svg", timeout), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalStateException ex) {
            return null;
        }
        int start = svg.indexOf("<svg");
        return start < 0 ? null : svg.substring(start);
    }

    /**
     * {@return {@code dot} rendered by Graphviz in the format of {@code suffix}, through a temporary file}
     *
     * @throws IllegalStateException if Graphviz is missing or does not finish within {@code timeout}
     */
    private static byte[] render(String dot, String suffix, Duration timeout) {
        Path file = null;
        try {
            file = Files.createTempFile("adjoint-page", suffix);
            Graphviz.write(dot, file, timeout);
            return Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
