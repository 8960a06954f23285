package adjoint.expr;

/**
 * Thrown when an operation is built on operands whose shapes do not fit, for example
 * {@code matmul: 3x2 times 3x1}. The message names the op and the shapes.
 */
public final class ShapeMismatchException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /** {@return where an op on these inputs sits, as {@code " in matmul(W, x)"}, each input cut to 60 characters} */
    static String where(String op, Expr... inputs) {
        StringBuilder sb = new StringBuilder(" in ").append(op).append('(');
        for (int i = 0; i < inputs.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(Structure.text(inputs[i], 60));
        }
        return sb.append(')').toString();
    }

    /**
     * Creates the exception with a message that names the op and the shapes.
     *
     * @param message what went wrong, and where
     */
    public ShapeMismatchException(String message) {
        super(message);
    }
}
