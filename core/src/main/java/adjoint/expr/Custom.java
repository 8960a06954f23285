package adjoint.expr;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The extension point: an operation defined outside the library, which brings its own forward
 * function and pullback (vector-Jacobian product). Interpreters treat every custom op alike.
 *
 * <p>Values cross this interface as Commons Math matrices, a scalar as a {@code 1x1} matrix. The
 * matrices handed to {@link #forward} and {@link #pullback} belong to the interpreter for the
 * duration of the call: read them, do not keep or change them. A custom op is usually a record
 * whose components are its inputs; for an elementwise function of one input, implement
 * {@link Elementwise} and write just the function and its derivative:
 * <pre>{@code
 * record LogGamma(Expr a) implements Custom.Elementwise {
 *     public String op() { return "logGamma"; }
 *     public double apply(double x) { return Gamma.logGamma(x); }
 *     public double derivative(double x, double out) { return Gamma.digamma(x); }
 * }
 * }</pre>
 *
 * <p>The interpreters check what a custom op returns: a forward value of the wrong shape, or a
 * pullback with the wrong number or shapes of gradients, fails with a {@link CustomOpException}
 * naming the op.
 */
public non-sealed interface Custom extends Expr {

    /** {@return the inputs, in the order {@link #forward} and {@link #pullback} receive their values} */
    List<Expr> inputs();

    /**
     * {@return the output value} for the given input values.
     *
     * @param inputs the inputs' values, in the order of {@link #inputs()}
     */
    RealMatrix forward(List<RealMatrix> inputs);

    /**
     * {@return the gradient with respect to each input, one per input of that input's shape},
     * given the upstream gradient
     *
     * @param inputs the inputs' values
     * @param out the output value that {@link #forward} computed
     * @param g the gradient of the final result with respect to this node's output
     */
    List<RealMatrix> pullback(List<RealMatrix> inputs, RealMatrix out, RealMatrix g);

    /**
     * {@return this node's tangent in forward mode: its Jacobian times the inputs' tangents}, of
     * the output's shape. The default builds it from {@link #pullback}, one call per output entry
     * (row {@code r} of the Jacobian is the pullback of that entry's unit seed), so every custom
     * op has forward mode; an op with a cheaper rule overrides it, as {@link Elementwise} does.
     *
     * @param inputs the inputs' values
     * @param out the output value that {@link #forward} computed
     * @param tangents the inputs' tangents, each of its input's shape; null for an input that
     *     carries none (a constant), which counts as zero
     */
    default RealMatrix tangent(List<RealMatrix> inputs, RealMatrix out, List<RealMatrix> tangents) {
        int rows = out.getRowDimension();
        int cols = out.getColumnDimension();
        double[][] t = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                RealMatrix seed = new Array2DRowRealMatrix(rows, cols);
                seed.setEntry(r, c, 1);
                List<RealMatrix> row = pullback(inputs, out, seed);
                double sum = 0;
                for (int k = 0; k < tangents.size(); k++) {
                    RealMatrix dk = tangents.get(k);
                    if (dk == null) {
                        continue;
                    }
                    RealMatrix jk = row.get(k);
                    for (int i = 0; i < dk.getRowDimension(); i++) {
                        for (int j = 0; j < dk.getColumnDimension(); j++) {
                            sum += jk.getEntry(i, j) * dk.getEntry(i, j);
                        }
                    }
                }
                t[r][c] = sum;
            }
        }
        return new Array2DRowRealMatrix(t, false);
    }

    /**
     * {@return whether {@code other} is the same operation as this one, apart from the inputs}
     * Used by structural equality, and so by simplification. The default compares the class, the
     * name and, for a record, every component that is not an {@code Expr} (a scale, an exponent:
     * {@code Scale(x, 2)} is not {@code Scale(x, 3)}), doubles by their bits as
     * {@link Double#equals} does; other implementations with parameters override it.
     *
     * @param other another custom op
     */
    default boolean sameOp(Custom other) {
        return getClass() == other.getClass() && op().equals(other.op())
                && Arrays.equals(CustomParameters.of(this), CustomParameters.of(other));
    }

    /** {@return a hash of what {@link #sameOp} compares} */
    default int opHash() {
        return (getClass().getName().hashCode() * 31 + op().hashCode()) * 31
                + Arrays.hashCode(CustomParameters.of(this));
    }

    /**
     * {@return this op on other inputs}, every other parameter kept. The default works for a
     * record whose {@code Expr} components are exactly its inputs, in order; other
     * implementations override it.
     *
     * @param inputs the new inputs, in order
     * @throws UnsupportedOperationException if this op is not such a record and does not override it
     */
    default Custom withInputs(List<Expr> inputs) {
        Objects.requireNonNull(inputs, "inputs is null");
        if (!getClass().isRecord()) {
            throw new UnsupportedOperationException(op() + ": " + getClass().getName()
                    + " is not a record; override Custom.withInputs");
        }
        RecordComponent[] parts = getClass().getRecordComponents();
        long exprParts = Arrays.stream(parts).filter(p -> p.getType() == Expr.class).count();
        if (exprParts != inputs.size()) {
            throw new UnsupportedOperationException(op() + ": " + exprParts + " Expr components but " + inputs.size()
                    + " inputs; override Custom.withInputs");
        }
        Object[] args = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        int next = 0;
        try {
            for (int i = 0; i < parts.length; i++) {
                types[i] = parts[i].getType();
                args[i] = types[i] == Expr.class ? inputs.get(next++) : parts[i].getAccessor().invoke(this);
            }
            Constructor<?> c = getClass().getDeclaredConstructor(types);
            c.setAccessible(true);
            return (Custom) c.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new UnsupportedOperationException(op() + ": cannot rebuild " + getClass().getName() + " (" + e
                    + "); override Custom.withInputs, or on the module path open its package to adjoint.core", e);
        }
    }

    @Override
    default int arity() {
        List<Expr> in = inputs();
        if (in == null) {
            throw new CustomOpException(op() + ": inputs() returned null; a custom op returns its inputs, or an empty list");
        }
        return in.size();
    }

    @Override
    default Expr input(int index) {
        if (index < 0 || index >= arity()) {
            throw new IndexOutOfBoundsException(op() + " has " + arity() + " inputs, asked for input " + index);
        }
        return inputs().get(index);
    }

    /**
     * A custom op that can also be differentiated symbolically: its pullback written as
     * expressions, so that symbolic gradients, Hessians and the {@code diff} of the command line
     * work through it.
     */
    interface Symbolic extends Custom {

        /**
         * {@return the gradient with respect to each input, as expressions}
         *
         * @param g the upstream gradient, an expression of this op's shape; this op itself
         *     stands for its output
         */
        List<Expr> pullbackExpr(Expr g);
    }

    /**
     * A custom elementwise function of one input: give {@code f(x)} and {@code f'(x)}, and the
     * forward function and pullback follow, for scalars and matrices alike. The output has the
     * input's shape.
     */
    interface Elementwise extends Custom {

        /** {@return the input} */
        Expr a();

        /**
         * {@return {@code f(x)}}
         *
         * @param x the input entry
         */
        double apply(double x);

        /**
         * {@return {@code f'(x)}}
         *
         * @param x the input entry
         * @param out {@code f(x)}, already computed, for functions whose derivative reuses it
         */
        double derivative(double x, double out);

        @Override
        default Shape shape() {
            return Objects.requireNonNull(a(), "a is null").shape();
        }

        @Override
        default List<Expr> inputs() {
            return List.of(a());
        }

        @Override
        default RealMatrix forward(List<RealMatrix> inputs) {
            double[][] x = inputs.get(0).getData();
            for (double[] row : x) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = apply(row[j]);
                }
            }
            return new Array2DRowRealMatrix(x, false);
        }

        @Override
        default List<RealMatrix> pullback(List<RealMatrix> inputs, RealMatrix out, RealMatrix g) {
            RealMatrix x = inputs.get(0);
            double[][] d = new double[x.getRowDimension()][x.getColumnDimension()];
            for (int i = 0; i < d.length; i++) {
                for (int j = 0; j < d[i].length; j++) {
                    d[i][j] = g.getEntry(i, j) * derivative(x.getEntry(i, j), out.getEntry(i, j));
                }
            }
            return List.of(new Array2DRowRealMatrix(d, false));
        }

        /** {@return {@code f'(x) · dx} entry by entry}: the Jacobian is diagonal, so one pass */
        @Override
        default RealMatrix tangent(List<RealMatrix> inputs, RealMatrix out, List<RealMatrix> tangents) {
            return pullback(inputs, out, tangents.get(0)).get(0);
        }
    }
}
