package adjoint.expr;

import java.util.Objects;

/**
 * Elementwise functions of one input, for scalars and matrices alike: the output has the
 * input's shape and entry {@code (i, j)} depends only on the input's entry {@code (i, j)}.
 * Each record's Javadoc states its derivative.
 */
public sealed interface Unary extends Expr
        permits Unary.Neg, Unary.Exp, Unary.Log, Unary.Sqrt, Unary.Square, Unary.Reciprocal, Unary.Sin, Unary.Cos, Unary.Tan, Unary.Tanh, Unary.Sigmoid, Unary.Relu, Unary.Abs, Unary.Softplus, Unary.Log1p, Unary.Sign, Unary.Erf, Unary.Power {

    /** {@return the input} */
    Expr a();

    @Override
    default int arity() {
        return 1;
    }

    @Override
    default Expr input(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException(op() + " has one input, asked for input " + index);
        }
        return a();
    }

    /** {@return the shape of an elementwise op on {@code a}, checking a given {@code shape} if not null} */
    private static Shape elementwise(String op, Expr a, Shape shape) {
        Objects.requireNonNull(a, "a is null");
        if (shape != null && !shape.equals(a.shape())) {
            throw new ShapeMismatchException(op + ": input is " + a.shape() + " but the given shape is " + shape);
        }
        return a.shape();
    }

    /**
     * Negation {@code -a}; derivative {@code -1}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Neg(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Neg {
            shape = elementwise("neg", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Neg(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "neg";
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
     * Exponential {@code e^a}; derivative {@code e^a}, the output itself.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Exp(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Exp {
            shape = elementwise("exp", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Exp(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "exp";
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
     * Natural logarithm {@code ln a}, defined for {@code a > 0}; derivative {@code 1/a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Log(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Log {
            shape = elementwise("log", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Log(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "log";
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
     * Square root, defined for {@code a >= 0}; derivative {@code 1/(2 sqrt a)}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Sqrt(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Sqrt {
            shape = elementwise("sqrt", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Sqrt(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "sqrt";
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
     * Square {@code a^2}; derivative {@code 2a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Square(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Square {
            shape = elementwise("square", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Square(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "square";
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
     * Reciprocal {@code 1/a}, defined for {@code a != 0}; derivative {@code -1/a^2}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Reciprocal(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Reciprocal {
            shape = elementwise("inv", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Reciprocal(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "inv";
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
     * Sine; derivative {@code cos a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Sin(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Sin {
            shape = elementwise("sin", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Sin(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "sin";
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
     * Cosine; derivative {@code -sin a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Cos(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Cos {
            shape = elementwise("cos", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Cos(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "cos";
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
     * Tangent, defined away from {@code pi/2 + k pi}; derivative {@code 1 + tan^2 a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Tan(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Tan {
            shape = elementwise("tan", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Tan(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "tan";
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
     * Hyperbolic tangent; derivative {@code 1 - tanh^2 a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Tanh(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Tanh {
            shape = elementwise("tanh", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Tanh(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "tanh";
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
     * Logistic sigmoid {@code 1/(1 + e^-a)}, computed without overflow for large {@code |a|};
     * derivative {@code s (1 - s)} with {@code s} the output.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Sigmoid(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Sigmoid {
            shape = elementwise("sigmoid", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Sigmoid(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "sigmoid";
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
     * Rectifier {@code max(a, 0)}; derivative 1 for {@code a > 0}, else 0 (0 is used at the kink).
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Relu(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Relu {
            shape = elementwise("relu", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Relu(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "relu";
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
     * Absolute value; derivative {@code sign a} (0 is used at the kink).
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Abs(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Abs {
            shape = elementwise("abs", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Abs(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "abs";
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
     * Softplus {@code ln(1 + e^a)}, computed without overflow; derivative {@code sigmoid a}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Softplus(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Softplus {
            shape = elementwise("softplus", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Softplus(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "softplus";
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
     * {@code ln(1 + a)}, accurate near 0, defined for {@code a > -1}; derivative {@code 1/(1 + a)}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Log1p(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Log1p {
            shape = elementwise("log1p", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Log1p(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "log1p";
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
     * Sign: -1, 0 or 1; derivative 0 (0 is used at the jump). It is the derivative of {@code abs}, and
     * {@code relu(sign a)} that of {@code relu}, so symbolic derivatives of those ops use it.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Sign(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Sign {
            shape = elementwise("sign", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Sign(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "sign";
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
     * The error function {@code erf a = 2/sqrt(pi) int_0^a e^(-t^2) dt}; derivative
     * {@code 2/sqrt(pi) e^(-a^2)}.
     *
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    record Erf(Expr a, Shape shape) implements Unary {
        /** Checks the input and the shape. */
        public Erf {
            shape = elementwise("erf", a, shape);
        }

        /** Creates the node with the input's shape. */
        public Erf(Expr a) {
            this(a, null);
        }

        @Override
        public String op() {
            return "erf";
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
     * Power by a constant exponent {@code a^p}; derivative {@code p a^(p-1)}. For a non-integer
     * {@code p} it is defined for {@code a > 0}.
     *
     * @param a the base
     * @param p the constant exponent, finite
     * @param shape the output's shape, equal to the input's
     */
    record Power(Expr a, double p, Shape shape) implements Unary {
        /** Checks the input, the exponent and the shape. */
        public Power {
            shape = elementwise("pow", a, shape);
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("pow: exponent " + p + " is not finite");
            }
        }

        /** Creates the node with the input's shape. */
        public Power(Expr a, double p) {
            this(a, p, null);
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
