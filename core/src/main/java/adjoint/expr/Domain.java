package adjoint.expr;

import java.util.Objects;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;

/**
 * Where an op's input is valid and smooth, with a margin, and how to move a value there. The
 * generators keep every node's inputs inside their op's domain, so that finite differences
 * compare against backprop only where both are defined and the function has no kink.
 *
 * @param name a short description, such as {@code x >= 0.2}
 * @param contains whether a value lies in the domain
 * @param into a value of the domain near the given value (used to shift an input by a constant)
 */
public record Domain(String name, DoublePredicate contains, DoubleUnaryOperator into) {

    /** Finite values not larger than 1e4 in magnitude. */
    public static final Domain ANY = new Domain("|x| <= 1e4", x -> Math.abs(x) <= 1e4, x -> Math.max(-1e4, Math.min(1e4, x)));

    /** From 0.2 to 100: logarithms, square roots, bases of fractional powers. */
    public static final Domain POSITIVE = new Domain("0.2 <= x <= 100", x -> x >= 0.2 && x <= 100,
            x -> 0.3 + Math.abs(x) % 5);

    /** Above -0.8: {@code log1p}. */
    public static final Domain ABOVE_MINUS_ONE = new Domain("-0.8 <= x <= 1e4", x -> x >= -0.8 && x <= 1e4,
            x -> -0.7 + Math.abs(x) % 5);

    /** At most 10 in magnitude: powers that grow fast. */
    public static final Domain SMALL = new Domain("|x| <= 10", x -> Math.abs(x) <= 10, x -> 9 * Math.sin(x));

    /** At least 0.15 away from 0: denominators, kinks of relu and abs. */
    public static final Domain AWAY_FROM_ZERO = new Domain("|x| >= 0.15", x -> Math.abs(x) >= 0.15 && Math.abs(x) <= 1e4,
            x -> Math.abs(x) > 1e4 ? Math.signum(x) * 5 : (x < 0 ? -0.3 + x : 0.3 + x));

    /** At least 0.15 away from 0 and at most 10 in magnitude: bases of negative powers. */
    public static final Domain SMALL_AWAY_FROM_ZERO = new Domain("0.15 <= |x| <= 10",
            x -> Math.abs(x) >= 0.15 && Math.abs(x) <= 10, x -> x < 0 ? -0.3 - Math.abs(x) % 5 : 0.3 + Math.abs(x) % 5);

    /** Within 1.2 of 0, well inside tan's first branch (its poles are at +-pi/2). */
    public static final Domain TAN = new Domain("|x| <= 1.2", x -> Math.abs(x) <= 1.2, x -> 1.1 * Math.sin(x));

    /** At most 3: exponentials that stay moderate. */
    public static final Domain MODERATE = new Domain("|x| <= 3", x -> Math.abs(x) <= 3, x -> 2.9 * Math.sin(x));

    /**
     * Within 100 of 0, with a fractional part from 0.1 to 0.4; with {@link #UPPER_FRACTIONS} for the
     * other input, two inputs at least 0.2 apart: {@code max} and {@code min} away from their ties.
     */
    public static final Domain LOWER_FRACTIONS = new Domain("|x| <= 100, frac(x) in [0.1, 0.4]",
            x -> Math.abs(x) <= 100 && x - Math.floor(x) >= 0.1 && x - Math.floor(x) <= 0.4,
            x -> Math.floor(Math.max(-100, Math.min(99, x))) + 0.25);

    /** Within 100 of 0, with a fractional part from 0.6 to 0.9: see {@link #LOWER_FRACTIONS}. */
    public static final Domain UPPER_FRACTIONS = new Domain("|x| <= 100, frac(x) in [0.6, 0.9]",
            x -> Math.abs(x) <= 100 && x - Math.floor(x) >= 0.6 && x - Math.floor(x) <= 0.9,
            x -> Math.floor(Math.max(-100, Math.min(99, x))) + 0.75);

    /** Checks the parts. */
    public Domain {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(contains, "contains is null");
        Objects.requireNonNull(into, "into is null");
    }

    /**
     * {@return whether {@code x} is in the domain}
     *
     * @param x the number
     */
    public boolean test(double x) {
        return contains.test(x);
    }

    @Override
    public String toString() {
        return name;
    }
}
