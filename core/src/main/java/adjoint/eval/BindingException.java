package adjoint.eval;

import adjoint.expr.AdjointException;

/**
 * Thrown when the values given for variables do not fit: a value of the wrong shape (the
 * message names the variable and both shapes), a value for a name that is not a parameter, or
 * the wrong number of positional values.
 */
public final class BindingException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message that says which value does not fit and why.
     *
     * @param message what went wrong, and where
     */
    public BindingException(String message) {
        super(message);
    }
}
