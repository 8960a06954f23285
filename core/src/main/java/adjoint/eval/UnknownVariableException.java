package adjoint.eval;

import adjoint.expr.AdjointException;

/** Thrown when a result is asked about a variable it does not have; the message names it. */
public final class UnknownVariableException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message naming the variable.
     *
     * @param message what went wrong, and where
     */
    public UnknownVariableException(String message) {
        super(message);
    }
}
