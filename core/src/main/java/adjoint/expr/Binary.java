package adjoint.expr;

import java.util.Objects;

/**
 * An elementwise op of two inputs of equal shape, for scalars and matrices alike. A scalar meets
 * a matrix through an explicit {@link Broadcast}. The op itself, with its calculus, is
 * a constant of {@link BinaryOp}.
 *
 * @param fn the op
 * @param a the left input
 * @param b the right input, of the same shape
 * @param shape the output's shape, equal to the inputs'
 * @param id this node's number, given when it is made: unique, larger than its inputs', not
 *     part of equality; 0 gives a fresh one
 */
public record Binary(BinaryOp fn, Expr a, Expr b, Shape shape, long id) implements Expr {

    /** Checks the op, the inputs and the shape. */
    public Binary {
        id = NodeIds.fresh(id);
        Objects.requireNonNull(fn, "fn is null");
        if (a == null || b == null) {
            throw new NullPointerException(fn.syntax() + ": " + (a == null ? "a" : "b") + " is null");
        }
        Shape sa = Exprs.requireShape(a);
        Shape sb = Exprs.requireShape(b);
        if (!sa.equals(sb)) {
            String op = fn.syntax();
            throw new ShapeMismatchException(op + ": " + sa + " and " + sb
                    + " differ; elementwise ops need equal shapes (the DSL and the text syntax repeat a scalar, a row or a column to fit)"
                    + ShapeMismatchException.where(op, a, b));
        }
        if (shape != null && !shape.equals(sa)) {
            throw new ShapeMismatchException(fn.syntax() + ": inputs are " + sa + " but the given shape is " + shape);
        }
        shape = sa;
    }

    /**
     * Creates the node with a fresh {@link #id}.
     *
     * @param fn the op
     * @param a the left input
     * @param b the right input, of the same shape
     * @param shape the output's shape, equal to the inputs'
     */
    public Binary(BinaryOp fn, Expr a, Expr b, Shape shape) {
        this(fn, a, b, shape, 0);
    }

    /**
     * Creates the node with the inputs' shape.
     *
     * @param fn the operation
     * @param a the first input
     * @param b the second input
     */
    public Binary(BinaryOp fn, Expr a, Expr b) {
        this(fn, a, b, null);
    }

    @Override public String op() { return fn.syntax(); }
    @Override public int arity() { return 2; }

    @Override
    public Expr input(int index) {
        return switch (index) {
            case 0 -> a;
            case 1 -> b;
            default -> throw new IndexOutOfBoundsException(op() + " has two inputs, asked for input " + index);
        };
    }

    @Override public boolean equals(Object o) { return Structure.equal(this, o); }
    @Override public int hashCode() { return Structure.hash(this); }
    @Override public String toString() { return Structure.text(this); }
}
