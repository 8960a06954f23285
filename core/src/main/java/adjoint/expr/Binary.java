package adjoint.expr;

import java.util.Objects;

/**
 * An elementwise op of two inputs of equal shape, for scalars and matrices alike. A scalar meets
 * a matrix through an explicit {@link MatrixOp.Broadcast}. The op itself, with its calculus, is
 * a constant of {@link BinaryOp}.
 *
 * @param fn the op
 * @param a the left input
 * @param b the right input, of the same shape
 * @param shape the output's shape, equal to the inputs'
 */
public record Binary(BinaryOp fn, Expr a, Expr b, Shape shape) implements Expr {

    /** Checks the op, the inputs and the shape. */
    public Binary {
        Objects.requireNonNull(fn, "fn is null");
        String op = fn.syntax();
        Objects.requireNonNull(a, () -> op + ": a is null");
        Objects.requireNonNull(b, () -> op + ": b is null");
        Exprs.requireShape(a);
        Exprs.requireShape(b);
        if (!a.shape().equals(b.shape())) {
            throw new ShapeMismatchException(op + ": " + a.shape() + " and " + b.shape()
                    + " differ; elementwise ops need equal shapes (broadcast a scalar explicitly)"
                    + ShapeMismatchException.where(op, a, b));
        }
        if (shape != null && !shape.equals(a.shape())) {
            throw new ShapeMismatchException(op + ": inputs are " + a.shape() + " but the given shape is " + shape);
        }
        shape = a.shape();
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

    @Override
    public String op() {
        return fn.syntax();
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public Expr input(int index) {
        return switch (index) {
            case 0 -> a;
            case 1 -> b;
            default -> throw new IndexOutOfBoundsException(op() + " has two inputs, asked for input " + index);
        };
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
