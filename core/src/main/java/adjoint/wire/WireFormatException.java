package adjoint.wire;

import adjoint.expr.AdjointException;

/**
 * A wire form that cannot be read: truncated, of an unknown version, an unknown op, the wrong
 * number of inputs, a reference to a node not yet defined, a malformed number or name, or
 * inputs whose shapes do not fit their op. The message names the line and what was expected
 * there; nothing half-built is returned.
 */
public final class WireFormatException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /** The line, counted from 1, where reading stopped. */
    private final int line;

    WireFormatException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    WireFormatException(int line, String message, Throwable cause) {
        super("line " + line + ": " + message, cause);
        this.line = line;
    }

    /** {@return the line, counted from 1, where reading stopped} */
    public int line() {
        return line;
    }
}
