package adjoint.check;

/** The verdict on one gradient entry. */
public enum Status {
    /** Backprop and finite differences agree within the tolerance. */
    PASS,
    /** They disagree at a point where the function is smooth: a rule is wrong. */
    FAIL,
    /**
     * The function has no derivative here: a kink, where the left and right derivatives differ
     * and backprop's value lies between them (relu's 0, a tie's 1/2), or a jump (sign at 0).
     */
    NON_SMOOTH,
    /** A value or gradient is NaN or infinite, so there is nothing to compare. */
    NON_FINITE
}
