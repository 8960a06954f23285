package adjoint.expr;

/**
 * Thrown when a {@link Custom} op breaks its contract: a forward value of the wrong shape, or a
 * pullback with the wrong number or shapes of gradients. The message names the op.
 */
public final class CustomOpException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that names the op.
     *
     * @param message what went wrong, and where
     */
    public CustomOpException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message that names the op, and the cause.
     *
     * @param message what went wrong, and where
     * @param cause the exception that caused it
     */
    public CustomOpException(String message, Throwable cause) {
        super(message, cause);
    }
}
