package adjoint.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;

/**
 * A structural op: one that moves, sums or multiplies whole matrices rather than applying one
 * function entry by entry (matrix product, transpose, reshape, slices, concatenations, sums
 * along an axis, broadcasts, row-wise softmax). Each record carries its whole rule in its own
 * file, under the contract below: value kernel, numeric pullback, tangent (forward mode),
 * symbolic pullback, notation
 * (Unicode, LaTeX, text syntax), shape rule (in its constructor) and its {@link Kind}, which
 * gives the parser its name and the testkit its shapes. The passes, printers and parser have
 * one generic arm for all of them.
 *
 * <p>Values cross this interface as row-major {@code double[][]} arrays, a scalar as
 * {@code 1 x 1}; the arrays handed in belong to the caller: read them, never change or keep them.
 */
public sealed interface Structural extends Expr
        permits MatMul, Transpose, Sum, Broadcast, BroadcastRows, MatrixTrace, LogSumExpRows, SoftmaxRows, Reshape,
                Slice, Concat, AxisSums, Norm, BroadcastCols {

    /** {@return this node's number, given when it was made} */
    long id();

    /** {@return what kind of op this is: its name in the text syntax, arity, parameters and testkit shapes} */
    Kind kind();

    /** {@return the op's name, from its {@link Kind}} */
    @Override
    default String op() {
        return kind().op();
    }

    /** {@return the number of inputs, from its {@link Kind}} */
    @Override
    default int arity() {
        return kind().arity();
    }

    /**
     * {@return the whole-number parameters that, with the op and the inputs, define this node}
     * (a slice's bounds, a reshape's or broadcast's shape), in the order the text syntax writes
     * them after the inputs; empty for most ops. A new array on each call.
     */
    default int[] parameters() {
        return new int[0];
    }

    /**
     * {@return this node's value, a new array of this node's shape}
     *
     * @param in the inputs' values, in input order
     * @param pool where a large product may split its work, or null for the calling thread alone
     */
    double[][] value(double[][][] in, ForkJoinPool pool);

    /**
     * {@return the gradient passed to input {@code k}: upstream {@code g} times this op's local
     * Jacobian (the vector-Jacobian product), a new array of that input's shape}
     *
     * @param k the input's position
     * @param in the inputs' values
     * @param out this node's value
     * @param g the gradient of the result with respect to this node, of this node's shape
     * @param pool where a large product may split its work, or null
     */
    double[][] pullback(int k, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool);

    /**
     * {@return the gradients passed to each input for which {@code wanted} is true, null for the
     * others}; an op that computes several in one pass (the matrix-vector product) overrides it
     *
     * @param wanted which inputs need a gradient
     * @param in the inputs' values
     * @param out this node's value
     * @param g the upstream gradient
     * @param pool where a large product may split its work, or null
     */
    default double[][][] pullbacks(boolean[] wanted, double[][][] in, double[][] out, double[][] g, ForkJoinPool pool) {
        double[][][] r = new double[in.length][][];
        for (int k = 0; k < in.length; k++) {
            if (wanted[k]) {
                r[k] = pullback(k, in, out, g, pool);
            }
        }
        return r;
    }

    /**
     * {@return this node's tangent: its local Jacobian times its inputs' tangents (the
     * Jacobian-vector product of forward mode), a new array of this node's shape}. A linear op's
     * tangent is the op applied to the tangents; a masked entry passes exactly 0, and a NaN
     * input gives NaN, as the pullback does.
     *
     * @param in the inputs' values
     * @param out this node's value
     * @param t the inputs' tangents, in input order, each of its input's shape; null for an
     *     input that carries none (a constant), which counts as zero
     * @param pool where a large product may split its work, or null
     */
    double[][] tangent(double[][][] in, double[][] out, double[][][] t, ForkJoinPool pool);

    /**
     * {@return {@link #pullback} written as an expression}: what this node passes to input
     * {@code k}, given the expression {@code g} of its upstream gradient; the node itself stands
     * for its output
     *
     * @param k the input's position
     * @param g the upstream gradient, an expression of this node's shape
     */
    Expr pullbackExpr(int k, Expr g);

    /** {@return how this op prints in a Unicode formula; the default is a call of {@link #op()}} */
    default Notation unicode() {
        return Notation.call(op(), arity());
    }

    /** {@return how this op prints in LaTeX; the default is an {@code \operatorname} call} */
    default Notation latex() {
        return Notation.latexCall("\\operatorname{" + op() + "}", arity());
    }

    /**
     * {@return how this op is written in the text syntax, so that parsing it gives this node
     * again}; the default is the call {@code name(inputs, parameters)} of its {@link Kind}
     */
    default Notation syntax() {
        List<Object> parts = new ArrayList<>();
        parts.add(kind().name() + "(");
        for (int k = 0; k < arity(); k++) {
            if (k > 0) {
                parts.add(", ");
            }
            parts.add(Notation.slot(k, 0));
        }
        for (int p : parameters()) {
            parts.add(", " + p);
        }
        parts.add(")");
        return new Notation(Notation.ATOM, parts, null);
    }

    /**
     * {@return whether this op repeats its input into a larger shape so that it can meet another
     * elementwise}: the text syntax leaves such a broadcast implicit where parsing makes it again
     */
    default boolean broadcasts() {
        return false;
    }

    /**
     * {@return an equal, smaller expression for this node where one is exact ({@code (Aᵀ)ᵀ = A}),
     * else this node}
     */
    default Expr simplified() {
        return this;
    }

    /**
     * {@return this op on other inputs, its parameters kept}
     *
     * @param inputs the new inputs, in order
     * @throws ShapeMismatchException if their shapes do not fit the op
     */
    default Expr withInputs(List<Expr> inputs) {
        return kind().build(inputs, parameters());
    }

    /** {@return every structural kind, in the order of this interface's {@code permits} list} */
    static List<Kind> kinds() {
        return Kinds.ALL;
    }

    /**
     * {@return the kinds of one structural record}: its {@code KIND}, or its {@code KINDS} for a
     * record of two (rows and columns)
     *
     * @param type a record permitted by this interface
     */
    static List<Kind> kindsOf(Class<? extends Structural> type) {
        return Kinds.of(type);
    }

    /**
     * {@return the structural kind whose text-syntax name is {@code name}, if there is one}
     *
     * @param name the name, such as {@code slice_rows}
     */
    static Optional<Kind> named(String name) {
        return Kinds.ALL.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * What the parser, the printers and the testkit know of a structural op before they hold a
     * node of it.
     *
     * @param name the op's name in the text syntax, such as {@code slice_rows}
     * @param op the op's name as its nodes report it in {@link Expr#op()}, such as {@code sliceRows}
     * @param arity how many inputs it takes
     * @param parameters the names of its whole-number parameters, written after the inputs
     * @param builder builds a node from inputs and parameters
     * @param examples the shapes a random instance may take, for the testkit
     */
    record Kind(String name, String op, int arity, List<String> parameters, Builder builder, Examples examples) {

        /** Checks and copies the parts. */
        public Kind {
            Objects.requireNonNull(name, "name is null");
            Objects.requireNonNull(op, "op is null");
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(builder, "builder is null");
            Objects.requireNonNull(examples, "examples is null");
        }

        /**
         * {@return a node of this kind}
         *
         * @param inputs its inputs, {@link #arity} of them
         * @param parameters its whole-number parameters, as many as {@link #parameters} names
         * @throws IllegalArgumentException if the counts are wrong
         * @throws ShapeMismatchException if the inputs' shapes do not fit
         */
        public Expr build(List<Expr> inputs, int... parameters) {
            if (inputs.size() != arity || parameters.length != this.parameters.size()) {
                throw new IllegalArgumentException(name + " takes " + arity + " input(s) and " + this.parameters.size()
                        + " parameter(s) " + this.parameters + ", got " + inputs.size() + " and " + parameters.length);
            }
            return builder.build(inputs, parameters.clone());
        }
    }

    /** Builds a node of one kind. */
    @FunctionalInterface
    interface Builder {
        /**
         * {@return the node}
         *
         * @param inputs the inputs, as many as the kind's arity
         * @param parameters the parameters, as many as the kind names
         */
        Expr build(List<Expr> inputs, int[] parameters);
    }

    /** Random choices for {@link Examples}: the testkit draws them so that they shrink. */
    interface Choices {
        /**
         * {@return a matrix dimension, from 1 to the testkit's largest}; every size an example
         * adds to its output's must come from here (as {@code dim() - 1}), so that a generator of
         * scalars only, whose largest dimension is 1, gets scalars only
         */
        int dim();

        /**
         * {@return a whole number from {@code lo} to {@code hi}, both included}
         *
         * @param lo the smallest
         * @param hi the largest
         */
        int between(int lo, int hi);
    }

    /** The shapes and parameters of random instances of one kind, for the testkit's generators. */
    interface Examples {
        /**
         * {@return the input shapes of an instance with output shape {@code out}, or empty if
         * this kind cannot produce that shape}
         *
         * @param out the wanted output shape
         * @param c the random choices
         */
        Optional<List<Shape>> inputShapes(Shape out, Choices c);

        /**
         * {@return the parameters of an instance on inputs of shapes {@code in} with output {@code out}}
         *
         * @param in the inputs' shapes, as {@link #inputShapes} gave them
         * @param out the output shape
         * @param c the random choices
         */
        default int[] parameters(List<Shape> in, Shape out, Choices c) {
            return new int[0];
        }
    }
}
