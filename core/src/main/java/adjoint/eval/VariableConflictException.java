package adjoint.eval;

import adjoint.expr.AdjointException;

/** Thrown when two variables of one name have different shapes; the message names both. */
public final class VariableConflictException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message naming the variable and its shapes.
     *
     * @param message what went wrong, and where
     */
    public VariableConflictException(String message) {
        super(message);
    }
}
