package adjoint.cli;

import java.util.Objects;

/**
 * The grade of one variable of a hand derivation.
 *
 * @param variable the variable graded
 * @param kind right, wrong, or no formula given
 * @param text the verdict as the page and the command line write it
 */
record Verdict(String variable, Kind kind, String text) {

    /** What a verdict says. */
    enum Kind {
        /** The formula agrees with backprop at the point and at the random points. */
        RIGHT,
        /** The formula disagrees somewhere; the text names where. */
        WRONG,
        /** No formula was given for the variable. */
        MISSING
    }

    /** Checks the parts. */
    Verdict {
        Objects.requireNonNull(variable, "variable is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(text, "text is null");
    }

    /** {@return whether the formula was right} */
    boolean right() {
        return kind == Kind.RIGHT;
    }
}
