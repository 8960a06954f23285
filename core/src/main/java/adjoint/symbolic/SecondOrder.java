package adjoint.symbolic;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Layout;
import adjoint.eval.Linearization;
import adjoint.expr.Axis;
import adjoint.expr.Concat;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.MatMul;
import adjoint.expr.Transpose;
import adjoint.graph.Order;
import adjoint.kernel.Kernels;
import adjoint.expr.Reshape;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Term;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Second derivatives of a scalar expression, compiled once: Hessian-vector products by forward
 * over reverse mode, and the Hessian from them. The reverse pass is written as expressions
 * ({@link Symbolic#gradient}: each op's symbolic pullback) and laid beside the value in one
 * row {@code [f, ∇f]}, compiled; a forward-mode tangent pass over it along {@code v} gives
 * {@code [∇f·v, H v]} exactly, with no finite differences, the value and the gradient coming
 * with it. Immutable and safe to share between threads.
 *
 * <p>A custom op takes part if it implements {@link adjoint.expr.Custom.Symbolic}.
 */
public final class SecondOrder {

    private final CompiledFunction stacked;
    private final List<Leaf.Variable> parameters;
    private final Layout layout;

    private SecondOrder(CompiledFunction stacked, List<Leaf.Variable> parameters) {
        this.stacked = stacked;
        this.parameters = parameters;
        this.layout = Layout.of(parameters);
    }

    /**
     * {@return the second order of a scalar expression, with the given parameters in that order};
     * with none, its own variables in the order first met
     *
     * @param f a scalar expression
     * @param parameters variables; every variable of the expression must be among them
     * @throws ShapeMismatchException if {@code f} is not a scalar
     * @throws UnsupportedOperationException if a custom op of {@code f} has no symbolic pullback
     */
    public static SecondOrder of(Term f, List<? extends Term> parameters) {
        Expr e = Objects.requireNonNull(f, "expression is null").expr();
        if (!e.shape().isScalar()) {
            throw new ShapeMismatchException("second order: the expression is " + e.shape() + ", not a scalar; reduce it first,"
                    + " for example with sum");
        }
        List<Leaf.Variable> vars = CompiledFunction.of(e, parameters).parameters();
        Map<String, Expr> gradient = Symbolic.gradient(e);
        // One row, [f, vec(∇₁f), vec(∇₂f), ...]: each part one array, where a column of n entries would be n arrays.
        Expr row = e;
        for (Leaf.Variable v : vars) {
            Expr g = gradient.getOrDefault(v.name(), Exprs.constant(0, v.shape()));
            Expr part = v.shape().rows() == 1 ? g : new Reshape(g, Shape.of(1, v.shape().size()));
            row = new Concat(row, part, Axis.COLS);
        }
        return new SecondOrder(CompiledFunction.of(vectorTimesMatrix(row), vars), vars);
    }

    /**
     * {@return {@code e} with every {@code Aᵀ·g}, {@code g} a column, written {@code (gᵀ·A)ᵀ}}: the
     * same sums in the same order, but a row times {@code A} reads {@code A} row by row, where
     * {@code Aᵀ} would be copied first, in the forward pass and again in every tangent pass
     */
    static Expr vectorTimesMatrix(Expr e) {
        Order graph = Order.of(e);
        Expr[] done = new Expr[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            Expr rebuilt = graph.rebuilt(i, done);
            if (rebuilt instanceof MatMul m && m.a() instanceof Transpose t && m.b().shape().cols() == 1 && m.b().shape().rows() > 1) {
                rebuilt = new Transpose(new MatMul(new Transpose(m.b()), t.a()));
            }
            done[i] = rebuilt;
        }
        return done[graph.size() - 1];
    }

    /**
     * {@return the second order of a scalar expression}, its own variables the parameters
     *
     * @param f a scalar expression
     * @param parameters variables, or none for the expression's own
     */
    public static SecondOrder of(Term f, Term... parameters) {
        return of(f, Arrays.asList(Objects.requireNonNull(parameters, "parameters is null")));
    }

    /** {@return the parameters, in order} */
    public List<Leaf.Variable> parameters() {
        return parameters;
    }

    /** {@return how the parameters are laid out in a flat point} */
    public Layout layout() {
        return layout;
    }

    /** {@return the number of entries of all parameters} */
    public int dimension() {
        return layout.dimension();
    }

    /**
     * {@return the value, gradient and Hessian-vector product at a point, along a direction}
     * given as (variable, value) pairs; a parameter the direction does not name moves by zero
     *
     * @param at a value for every parameter
     * @param along the direction
     */
    public HessianVectorProduct hvp(Bindings at, Bindings along) {
        Curvature c = curvature(layout.flatten(Objects.requireNonNull(at, "point is null")));
        double[] hv = c.hvp(layout.flattenDirection(along));
        return new HessianVectorProduct(c.value(), c.gradient(), hv, parameters);
    }

    /**
     * {@return the value, gradient and Hessian at a point}: the Hessian one Hessian-vector product
     * per parameter entry, each a column, symmetric to rounding
     *
     * @param at a value for every parameter
     */
    public Hessian hessian(Bindings at) {
        Curvature c = curvature(layout.flatten(Objects.requireNonNull(at, "point is null")));
        int d = dimension();
        double[][] h = new double[d][];
        double[] unit = new double[d];
        for (int k = 0; k < d; k++) {
            unit[k] = 1;
            h[k] = c.hvp(unit);
            unit[k] = 0;
        }
        // h[k] is column k, H e_k: laid out by rows, the Hessian is its transpose.
        return new Hessian(c.value(), c.gradient(), Kernels.transpose(h), parameters);
    }

    /**
     * {@return the curvature at a flat point}: its value and gradient computed once, then any
     * number of Hessian-vector products there, each one tangent pass, as a truncated Newton
     * method wants
     *
     * @param point {@link #dimension()} entries, laid out as a flat point
     */
    public Curvature curvature(double[] point) {
        return new Curvature(stacked.linearize(point));
    }

    /** The value, gradient and Hessian-vector products at one point. Not thread-safe: one per thread. */
    public static final class Curvature implements adjoint.optim.Curvature {

        private final Linearization at;
        /** {@code [f, ∇f]}, read out of the pass when first asked for: a run of products may never ask. */
        private double[] stacked;

        Curvature(Linearization at) {
            this.at = at;
        }

        private double[] stacked() {
            if (stacked == null) {
                stacked = at.value().getRow(0);
            }
            return stacked;
        }

        /** {@return the value at the point} */
        @Override
        public double value() {
            return stacked()[0];
        }

        /** {@return the gradient at the point, a new array laid out as a flat point} */
        @Override
        public double[] gradient() {
            double[] s = stacked();
            return Arrays.copyOfRange(s, 1, s.length);
        }

        /**
         * {@return the Hessian times {@code v}, a new array laid out as a flat point}
         *
         * @param v a direction laid out as a flat point
         */
        @Override
        public double[] hvp(double[] v) {
            double[] t = at.jvp(v);
            return Arrays.copyOfRange(t, 1, t.length);
        }
    }
}
