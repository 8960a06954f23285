package adjoint.cli;

import java.util.Objects;

/**
 * The grade of one line of a hand derivation, or of a variable no line answered.
 *
 * @param line the line's number, from 1, or 0 for a variable no line answered
 * @param variable the variable graded, or null for a line that names none
 * @param kind right, wrong, no answer, or a line that could not be read
 * @param text the verdict as the page and the command line write it
 */
record Verdict(int line, String variable, Kind kind, String text) {

    /** What a verdict says. */
    enum Kind {
        /** The answer agrees with backprop: a number to the digits written, a formula at the point and at random points. */
        RIGHT,
        /** The answer disagrees; the text names where and gives backprop's value. */
        WRONG,
        /** No line answered the variable. */
        MISSING,
        /** The line could not be read: not {@code name = answer}, an unknown name, a parse error, a wrong shape, a repeat. */
        ERROR
    }

    /** Checks the parts. */
    Verdict {
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(text, "text is null");
    }

    /** {@return whether the answer was right} */
    boolean right() {
        return kind == Kind.RIGHT;
    }
}
