package adjoint.spark;

import adjoint.expr.AdjointException;

/**
 * A row of the data that the loss cannot take: of the wrong width, or holding NaN or an
 * infinity. Thrown on an executor, it reaches the driver as itself, naming the partition and the
 * row within it.
 */
public final class RowException extends AdjointException {

    private static final long serialVersionUID = 1L;

    RowException(String message) {
        super(message);
    }
}
