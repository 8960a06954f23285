package adjoint.expr;

/**
 * Thrown when an operation is built on operands whose shapes do not fit, for example
 * {@code matmul: 3x2 times 3x1}. The message names the op and the shapes.
 */
public final class ShapeMismatchException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the op and the shapes. */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
