package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * An expression linearized once, with its parameters in a fixed order, evaluated and
 * differentiated many times at new points without rebuilding anything: what a training loop or
 * an optimizer calls.
 *
 * <p>Immutable and safe to share between threads: each call works in its own buffers.
 */
public final class CompiledFunction {

    private final Expr expression;
    private final Program program;
    private final Binder binder;
    private final boolean detectNonFinite;
    /** Where large matrix products are split by rows, or null for the calling thread alone. */
    private final ForkJoinPool pool;

    private CompiledFunction(Expr expression, Program program, Binder binder, boolean detectNonFinite, ForkJoinPool pool) {
        this.expression = expression;
        this.program = program;
        this.binder = binder;
        this.detectNonFinite = detectNonFinite;
        this.pool = pool;
    }

    /**
     * {@return {@code expression} compiled with the given parameters, in that order}; with none,
     * its own variables in the order first met
     *
     * @param expression the expression
     * @param parameters variables; every variable of the expression must be among them
     * @throws IllegalArgumentException if a parameter is not a variable, is given twice, or a
     *     variable of the expression is missing from the parameters
     */
    public static CompiledFunction of(Term expression, Term... parameters) {
        return of(expression, Arrays.asList(Objects.requireNonNull(parameters, "parameters is null")));
    }

    /**
     * {@return {@code expression} compiled with the given parameters, in that order}; with none,
     * its own variables in the order first met
     *
     * @param expression the expression
     * @param parameters variables; every variable of the expression must be among them
     * @throws IllegalArgumentException if a parameter is not a variable, is given twice, or a
     *     variable of the expression is missing from the parameters
     */
    public static CompiledFunction of(Term expression, List<? extends Term> parameters) {
        Expr e = Objects.requireNonNull(expression, "expression is null").expr();
        Objects.requireNonNull(parameters, "parameters is null");
        Program program = Program.of(e);
        return new CompiledFunction(e, program, new Binder(program, Binder.parameters(program, parameters)), false, null);
    }

    /**
     * {@return this function with non-finite detection on}: every call then looks, after each
     * pass, for the first node whose value or gradient became NaN or infinite from finite
     * inputs, and throws a {@link NonFiniteException} that names it, where it sits and what it
     * received. Off by default; when off the passes do no checking at all.
     */
    public CompiledFunction detectingNonFinite() {
        return detectNonFinite ? this : new CompiledFunction(expression, program, binder, true, pool);
    }

    /**
     * {@return this function with its large matrix products split by rows over {@code pool}}: a
     * product of at least 2^18 multiply-adds (a {@code 256x64} times {@code 64x128} has 2^21) runs
     * on the pool's threads, each row of the result computed by one of them in the usual order, so
     * values and gradients are the same bit for bit as on one thread. Products of a matrix and a
     * vector stay on the calling thread. {@code null} computes everything on the calling thread,
     * the default.
     *
     * @param pool the pool, such as {@code new ForkJoinPool(2)} or {@code ForkJoinPool.commonPool()}
     */
    public CompiledFunction parallelOn(ForkJoinPool pool) {
        return new CompiledFunction(expression, program, binder, detectNonFinite, pool);
    }

    /** {@return whether non-finite detection is on} */
    public boolean detectsNonFinite() {
        return detectNonFinite;
    }

    /** {@return the expression} */
    public Expr expression() {
        return expression;
    }

    /** {@return the parameters, in order} */
    public List<Leaf.Variable> parameters() {
        return binder.parameters();
    }

    /** {@return the shape of the expression's value} */
    public Shape shape() {
        return program.shape(program.root);
    }

    /** {@return the number of nodes after sharing is taken into account} */
    public int nodeCount() {
        return program.size();
    }

    /** {@return the total number of entries of all parameters, the length of a flat point} */
    public int dimension() {
        return binder.layout().dimension();
    }

    /** {@return how the parameters are laid out in a flat point} */
    public Layout layout() {
        return binder.layout();
    }

    /**
     * {@return the value of a scalar expression at the point}
     *
     * @param at a value for every parameter
     */
    public double value(Bindings at) {
        requireScalar("value");
        return forward(binder.bind(at, pool)).s[program.root];
    }

    /**
     * {@return the value of the expression at the point, as a new matrix (a scalar as {@code 1x1})}
     *
     * @param at a value for every parameter
     */
    public RealMatrix evaluate(Bindings at) {
        return forward(binder.bind(at, pool)).copy(program.root);
    }

    /**
     * {@return the value and gradient of a scalar expression at the point}
     *
     * @param at a value for every parameter
     */
    public Gradient gradient(Bindings at) {
        requireScalar("gradient");
        Values v = forward(binder.bind(at, pool));
        return binder.gradient(v.s[program.root], backward(v));
    }

    /**
     * {@return the vector-Jacobian product at the point}: the gradient of {@code sum(seed ⊙ f)}
     * with respect to every parameter, for an expression {@code f} of any shape; its value is
     * that sum. A Jacobian is one of these per output entry.
     *
     * @param seed a matrix of the expression's shape
     * @param at a value for every parameter
     */
    public Gradient pullback(Bindings at, RealMatrix seed) {
        Objects.requireNonNull(seed, "seed is null");
        Shape got = Shape.of(seed.getRowDimension(), seed.getColumnDimension());
        if (!got.equals(shape())) {
            throw new ShapeMismatchException("pullback: the seed is " + got + " but the expression is " + shape());
        }
        Values v = forward(binder.bind(at, pool));
        Adjoints g = backward(v, seed.getData());
        double[][] out = v.data(program.root);
        double dot = 0;
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < out[i].length; j++) {
                dot += seed.getEntry(i, j) * out[i][j];
            }
        }
        return binder.gradient(dot, g);
    }

    /**
     * {@return a record of the forward and backward pass at the point}: every node with its
     * value and gradient, for tracing, checking and debugging
     *
     * @param at a value for every parameter
     */
    public Tape tape(Bindings at) {
        requireScalar("tape");
        Values v = forward(binder.bind(at, pool));
        return new Tape(program, v, backward(v));
    }

    /**
     * {@return the value and gradient at a point given by pairs}, each a parameter then its value,
     * as {@link Bindings#ofPairs} reads them: {@code gradientAt(w, wValue, b, 0.5)}
     *
     * @param pairs parameters and values, alternating
     */
    public Gradient gradientAt(Object... pairs) {
        return gradient(Bindings.ofPairs(pairs));
    }

    /**
     * {@return the value of a scalar expression at a point given by pairs}, as for {@link #gradientAt}
     *
     * @param pairs parameters and values, alternating
     */
    public double valueAt(Object... pairs) {
        return value(Bindings.ofPairs(pairs));
    }

    /**
     * {@return the value and gradient at a point given by position}, one value per parameter in
     * {@link #parameters()} order, as a call {@code f(w, b)}: a {@code Number} for a scalar; a
     * {@code RealMatrix}, {@code double[][]} rows or a {@code double[]} column vector otherwise.
     * The values are read during the call only, never copied or kept.
     *
     * @param values one value per parameter
     * @throws BindingException if the number of values, a value's type or its shape is wrong
     */
    public Gradient gradientByPosition(Object... values) {
        requireScalar("gradient");
        Values v = forward(binder.bindPositional(values, pool));
        return binder.gradient(v.s[program.root], backward(v));
    }

    /**
     * {@return the value of a scalar expression at a point given by position}, as for
     * {@link #gradientByPosition}
     *
     * @param values one value per parameter
     */
    public double valueByPosition(Object... values) {
        requireScalar("value");
        return forward(binder.bindPositional(values, pool)).s[program.root];
    }

    /**
     * Evaluates and differentiates at a flat point, the parameters' entries one after another
     * (matrices row by row), as optimizers want them.
     *
     * @param point {@link #dimension()} entries
     * @param gradientOut receives the gradient, {@link #dimension()} entries in the same layout
     * @return the value
     */
    public double valueAndGradient(double[] point, double[] gradientOut) {
        binder.layout().checkLength("point", point);
        binder.layout().checkLength("gradient", gradientOut);
        requireScalar("value");
        Values v = forward(binder.bind(point, pool));
        binder.flatten(backward(v), gradientOut);
        return v.s[program.root];
    }

    /**
     * {@return the value and the Jacobian at a flat point}, for an expression of any shape: the
     * value's entries row by row, and one Jacobian row per entry (one column per entry of the
     * flat point). One forward pass, then one backward pass per entry.
     *
     * @param point a flat point, {@link #dimension()} entries
     */
    public ValueAndJacobian valueAndJacobian(double[] point) {
        Values v = forward(binder.bind(point, pool));
        double[][] out = v.data(program.root);
        double[] value = new double[shape().size()];
        Layout.write(out, value, 0);
        return new ValueAndJacobian(value, jacobianRows(v));
    }

    /**
     * {@return the value at the point and the directional derivative along {@code along}}, by
     * forward mode: one forward pass and one tangent pass, for an expression of any shape. The
     * direction is (variable, value) pairs as a point is; a parameter it does not name moves by
     * zero. For a scalar expression the derivative is the gradient dotted with the direction.
     *
     * @param at a value for every parameter
     * @param along the direction
     * @throws UnknownVariableException if the direction names a variable that is not a parameter
     */
    public Jvp jvp(Bindings at, Bindings along) {
        return linearize(at).jvp(along);
    }

    /**
     * {@return this function linearized at the point}: the forward pass run once, for any number
     * of directions pushed through it by {@link Linearization#jvp}
     *
     * @param at a value for every parameter
     */
    public Linearization linearize(Bindings at) {
        return new Linearization(this, forward(binder.bind(at, pool)));
    }

    /**
     * {@return this function linearized at a flat point}, laid out as for {@link #valueAndGradient}
     *
     * @param point {@link #dimension()} entries
     */
    public Linearization linearize(double[] point) {
        return new Linearization(this, forward(binder.bind(point, pool)));
    }

    /**
     * {@return the Jacobian at the point}: one row per entry of the value (by rows), one column
     * per entry of the parameters (laid out as a flat point); by forward mode when there are
     * fewer parameter entries than value entries, else by reverse mode, the two agreeing to
     * rounding
     *
     * @param at a value for every parameter
     * @throws IllegalStateException if the function has no parameters
     */
    public RealMatrix jacobian(Bindings at) {
        requireParameters();
        return dimension() < shape().size() ? jacobianForward(at) : jacobianReverse(at);
    }

    /**
     * {@return the Jacobian at the point by forward mode}: one tangent pass per parameter entry,
     * each giving a column
     *
     * @param at a value for every parameter
     */
    public RealMatrix jacobianForward(Bindings at) {
        requireParameters();
        Linearization l = linearize(at);
        int d = dimension();
        double[][] j = new double[shape().size()][d];
        double[] unit = new double[d];
        for (int c = 0; c < d; c++) {
            unit[c] = 1;
            double[] column = l.jvp(unit);
            unit[c] = 0;
            for (int r = 0; r < column.length; r++) {
                j[r][c] = column[r];
            }
        }
        return new ReadOnlyMatrix(j);
    }

    /**
     * {@return the Jacobian at the point by reverse mode}: one backward pass per entry of the
     * value, each giving a row
     *
     * @param at a value for every parameter
     */
    public RealMatrix jacobianReverse(Bindings at) {
        requireParameters();
        return new ReadOnlyMatrix(jacobianRows(forward(binder.bind(at, pool))));
    }

    /** {@return the Jacobian after the forward pass {@code v}: one backward pass per entry of the value, each a row} */
    private double[][] jacobianRows(Values v) {
        Shape s = shape();
        double[][] j = new double[s.size()][];
        for (int r = 0; r < s.rows(); r++) {
            for (int c = 0; c < s.cols(); c++) {
                double[][] seed = new double[s.rows()][s.cols()];
                seed[r][c] = 1;
                j[r * s.cols() + c] = new double[dimension()];
                binder.flatten(backward(v, seed), j[r * s.cols() + c]);
            }
        }
        return j;
    }

    /** {@return the node of the program's result} */
    int root() {
        return program.root;
    }

    /** {@return how points and directions are moved into passes} */
    Binder binder() {
        return binder;
    }

    /** {@return every node's tangent, given the forward values and the parameters' directions, checked when non-finite detection is on} */
    Tangents tangents(Values v, Tangents t) {
        Tangent.run(program, v, t);
        if (detectNonFinite) {
            NonFiniteCheck.tangent(program, v, t);
        }
        return t;
    }

    /**
     * {@return the value of a scalar expression at a flat point, laid out as for {@link #valueAndGradient}}
     *
     * @param point a flat point, {@link #dimension()} entries
     */
    public double value(double[] point) {
        requireScalar("value");
        return forward(binder.bind(point, pool)).s[program.root];
    }

    /**
     * Evaluates and differentiates at a point whose free parameters come from a flat point and
     * the others from a batch of data, and adds the free parameters' gradient into {@code sum}:
     * one batch of a {@link BatchGradient}.
     *
     * @param batch which parameters are free, their layout, and the given entries of the others
     * @param point the free parameters' entries, laid out as the batch says
     * @param sum receives the gradient added, in the same layout
     * @return the value
     */
    double accumulate(Batch batch, double[] point, double[] sum) {
        Values v = forward(binder.bind(batch, point, pool));
        binder.addFree(batch, backward(v), sum);
        return v.s[program.root];
    }

    private void requireParameters() {
        if (dimension() == 0) {
            throw new IllegalStateException("jacobian: the function has no parameters, so its Jacobian has no columns");
        }
    }

    private void requireScalar(String what) {
        if (!shape().isScalar()) {
            throw new ShapeMismatchException(what + ": the expression is " + shape()
                    + ", not a scalar; reduce it first, for example with sum");
        }
    }

    private Values forward(Values v) {
        Forward.run(program, v);
        if (detectNonFinite) {
            NonFiniteCheck.forward(program, v);
        }
        return v;
    }

    private Adjoints backward(Values v) {
        return backward(v, new double[][] {{1.0}});
    }

    /** {@return every node's gradient for the given seed, checked when non-finite detection is on} */
    private Adjoints backward(Values v, double[][] seed) {
        Adjoints g = Backward.run(program, v, seed);
        if (detectNonFinite) {
            NonFiniteCheck.backward(program, v, g);
        }
        return g;
    }
}
