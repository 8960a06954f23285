package adjoint.eval;

import adjoint.expr.AdjointException;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Thrown, when non-finite detection is on ({@link CompiledFunction#detectingNonFinite()}), at the
 * first node whose value or gradient became NaN or infinite from finite inputs: the message
 * names its op, its place in the expression and what it received, as
 * {@code log at depth 3 (sin[0] > add[1] > mul[1] > log) received -0.5 and produced NaN}.
 */
public final class NonFiniteException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /** Which pass went non-finite. */
    public enum Phase {
        /** A value, in the forward pass. */
        FORWARD,
        /** A gradient, in the backward pass. */
        BACKWARD,
        /** A tangent, in a forward-mode pass. */
        TANGENT
    }

    /** The pass in which the value went non-finite. */
    private final Phase phase;
    /** The op, or the variable's name. */
    private final String op;
    /** Where the node sits in the expression. */
    private final String location;
    /** The node's depth below the result. */
    private final int depth;
    private final transient List<RealMatrix> inputs;

    NonFiniteException(String message, Phase phase, String op, String location, int depth, List<RealMatrix> inputs) {
        super(message);
        this.phase = phase;
        this.op = op;
        this.location = location;
        this.depth = depth;
        this.inputs = inputs;
    }

    /** {@return the pass in which the value went non-finite} */
    public Phase phase() {
        return phase;
    }

    /** {@return the op of the node that produced it (a variable's name if it was bound so)} */
    public String op() {
        return op;
    }

    /** {@return where the node sits, as {@code sin[0] > add[1] > log}} */
    public String location() {
        return location;
    }

    /** {@return the node's distance from the root} */
    public int depth() {
        return depth;
    }

    /** {@return the values of the node's inputs, all finite} */
    public List<RealMatrix> inputs() {
        return inputs;
    }
}
