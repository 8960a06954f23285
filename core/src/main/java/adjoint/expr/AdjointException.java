package adjoint.expr;

/** The root of every exception adjoint throws for bad input; catch it to handle them all. */
public class AdjointException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with the given message.
     *
     * @param message what went wrong, and where
     */
    public AdjointException(String message) {
        super(message);
    }

    /**
     * Creates an exception with the given message and cause.
     *
     * @param message what went wrong, and where
     * @param cause the exception that caused it
     */
    public AdjointException(String message, Throwable cause) {
        super(message, cause);
    }
}
