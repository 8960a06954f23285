package adjoint.check;

/** The verdict on one gradient entry. */
public enum Status {
    /** Backprop and finite differences agree within the tolerance. */
    PASS,
    /** They disagree at a point where the function is smooth: a rule is wrong. */
    FAIL,
    /** They disagree, but the left and right derivatives differ: a kink, not a wrong rule. */
    NON_SMOOTH,
    /** A value or gradient is NaN or infinite, so there is nothing to compare. */
    NON_FINITE
}
