package adjoint.check;

/** The verdict on one gradient entry. */
public enum Status {
    /** Backprop and finite differences agree within the tolerance. */
    PASS,
    /** They disagree at a point where the function is smooth: a rule is wrong. */
    FAIL,
    /**
     * The function has no derivative here: a kink, where the left and right derivatives are finite
     * and differ and backprop's value lies between them (relu's 0, a tie's 1/2), or a jump (sign
     * at 0), where the function is smooth on each side.
     */
    NON_SMOOTH,
    /**
     * They disagree, but finite differences cannot tell whether backprop is wrong: the slopes on
     * one side grow without bound as the step shrinks (a pole within reach of the steps, as
     * {@code 1/(x-1)} at {@code 1.0000001} or {@code tan} near {@code π/2}). Not a pass.
     */
    INCONCLUSIVE,
    /** A value or gradient is NaN or infinite, so there is nothing to compare. */
    NON_FINITE
}
