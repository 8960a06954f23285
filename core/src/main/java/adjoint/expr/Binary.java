package adjoint.expr;

import java.util.Objects;

/**
 * Elementwise functions of two inputs of equal shape, for scalars and matrices alike. A scalar
 * meets a matrix through an explicit {@link MatrixOp.Broadcast}. Each record's Javadoc states
 * its partial derivatives.
 */
public sealed interface Binary extends Expr
        permits Binary.Add, Binary.Sub, Binary.Mul, Binary.Div, Binary.Pow {

    /** {@return the left input} */
    Expr a();

    /** {@return the right input} */
    Expr b();

    @Override
    default int arity() {
        return 2;
    }

    @Override
    default Expr input(int index) {
        return switch (index) {
            case 0 -> a();
            case 1 -> b();
            default -> throw new IndexOutOfBoundsException(op() + " has two inputs, asked for input " + index);
        };
    }

    /** {@return the common shape of {@code a} and {@code b}, checking a given {@code shape} if not null} */
    private static Shape elementwise(String op, Expr a, Expr b, Shape shape) {
        Objects.requireNonNull(a, "a is null");
        Objects.requireNonNull(b, "b is null");
        if (!a.shape().equals(b.shape())) {
            throw new ShapeMismatchException(op + ": " + a.shape() + " and " + b.shape()
                    + " differ; elementwise ops need equal shapes (broadcast a scalar explicitly)"
                    + ShapeMismatchException.where(op, a, b));
        }
        if (shape != null && !shape.equals(a.shape())) {
            throw new ShapeMismatchException(op + ": inputs are " + a.shape() + " but the given shape is " + shape);
        }
        return a.shape();
    }

    /**
     * Sum {@code a + b}; partials {@code 1} and {@code 1}.
     *
     * @param a the left input
     * @param b the right input, of the same shape
     * @param shape the output's shape, equal to the inputs'
     */
    record Add(Expr a, Expr b, Shape shape) implements Binary {
        /** Checks the inputs and the shape. */
        public Add {
            shape = elementwise("add", a, b, shape);
        }

        /** Creates the node with the inputs' shape. */
        public Add(Expr a, Expr b) {
            this(a, b, null);
        }

        @Override
        public String op() {
            return "add";
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Difference {@code a - b}; partials {@code 1} and {@code -1}.
     *
     * @param a the left input
     * @param b the right input, of the same shape
     * @param shape the output's shape, equal to the inputs'
     */
    record Sub(Expr a, Expr b, Shape shape) implements Binary {
        /** Checks the inputs and the shape. */
        public Sub {
            shape = elementwise("sub", a, b, shape);
        }

        /** Creates the node with the inputs' shape. */
        public Sub(Expr a, Expr b) {
            this(a, b, null);
        }

        @Override
        public String op() {
            return "sub";
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Elementwise product {@code a b}; partials {@code b} and {@code a}.
     *
     * @param a the left input
     * @param b the right input, of the same shape
     * @param shape the output's shape, equal to the inputs'
     */
    record Mul(Expr a, Expr b, Shape shape) implements Binary {
        /** Checks the inputs and the shape. */
        public Mul {
            shape = elementwise("mul", a, b, shape);
        }

        /** Creates the node with the inputs' shape. */
        public Mul(Expr a, Expr b) {
            this(a, b, null);
        }

        @Override
        public String op() {
            return "mul";
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Elementwise quotient {@code a / b}, defined for {@code b != 0}; partials {@code 1/b} and {@code -a/b^2}.
     *
     * @param a the left input
     * @param b the right input, of the same shape
     * @param shape the output's shape, equal to the inputs'
     */
    record Div(Expr a, Expr b, Shape shape) implements Binary {
        /** Checks the inputs and the shape. */
        public Div {
            shape = elementwise("div", a, b, shape);
        }

        /** Creates the node with the inputs' shape. */
        public Div(Expr a, Expr b) {
            this(a, b, null);
        }

        @Override
        public String op() {
            return "div";
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }

    /**
     * Power {@code a^b} with both sides variable, defined for {@code a > 0}; partials
     * {@code b a^(b-1)} and {@code a^b ln a}.
     *
     * @param a the left input
     * @param b the right input, of the same shape
     * @param shape the output's shape, equal to the inputs'
     */
    record Pow(Expr a, Expr b, Shape shape) implements Binary {
        /** Checks the inputs and the shape. */
        public Pow {
            shape = elementwise("pow", a, b, shape);
        }

        /** Creates the node with the inputs' shape. */
        public Pow(Expr a, Expr b) {
            this(a, b, null);
        }

        @Override
        public String op() {
            return "pow";
        }

        @Override
        public boolean equals(Object o) {
            return Structure.equal(this, o);
        }

        @Override
        public int hashCode() {
            return Structure.hash(this);
        }

        @Override
        public String toString() {
            return Structure.text(this);
        }
    }
}
