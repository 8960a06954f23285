package adjoint.expr;

import java.util.Objects;

/**
 * An elementwise op of one input, for scalars and matrices alike: the output has the input's
 * shape and entry {@code (i, j)} depends only on the input's entry {@code (i, j)}. The op
 * itself, with its calculus, is a constant of {@link UnaryOp}.
 *
 * @param fn the op
 * @param a the input
 * @param shape the output's shape, equal to the input's
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Unary(UnaryOp fn, Expr a, Shape shape, long id) implements Expr {

    /** Checks the op, the input and the shape. */
    public Unary {
        id = NodeIds.fresh(id);
        Objects.requireNonNull(fn, "fn is null");
        if (a == null) {
            throw new NullPointerException(fn.syntax() + ": a is null");
        }
        Shape sa = Exprs.requireShape(a);
        if (shape != null && !shape.equals(sa)) {
            throw new ShapeMismatchException(fn.syntax() + ": input is " + sa + " but the given shape is " + shape);
        }
        shape = sa;
    }

    /**
     * Creates the node with a fresh {@link #id}.
     *
     * @param fn the op
     * @param a the input
     * @param shape the output's shape, equal to the input's
     */
    public Unary(UnaryOp fn, Expr a, Shape shape) {
        this(fn, a, shape, 0);
    }

    /**
     * Creates the node with the input's shape.
     *
     * @param fn the operation
     * @param a the input
     */
    public Unary(UnaryOp fn, Expr a) {
        this(fn, a, null);
    }

    @Override public String op() { return fn.syntax(); }
    @Override public int arity() { return 1; }

    @Override
    public Expr input(int index) {
        if (index != 0) {
            throw new IndexOutOfBoundsException(op() + " has one input, asked for input " + index);
        }
        return a;
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
