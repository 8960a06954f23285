package adjoint.eval;

import adjoint.expr.AdjointException;

/** Thrown when an expression is evaluated without a value for one of its variables. */
public final class UnboundVariableException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message naming the variable.
     *
     * @param message what went wrong, and where
     */
    public UnboundVariableException(String message) {
        super(message);
    }
}
