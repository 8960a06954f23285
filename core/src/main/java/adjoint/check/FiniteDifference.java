package adjoint.check;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * Numerical derivatives of a function of one variable, accurate far beyond a plain central
 * difference: Ridders' method extrapolates central differences at shrinking steps
 * (Richardson's extrapolation in a Neville table) and estimates its own error.
 */
public final class FiniteDifference {

    private static final double SHRINK = 1.4;
    private static final double SHRINK2 = SHRINK * SHRINK;
    private static final int STEPS = 10;
    private static final double SAFE = 2.0;

    private FiniteDifference() {}

    /**
     * A derivative estimate and its estimated error.
     *
     * @param value the estimate
     * @param error the estimated absolute error
     */
    public record Estimate(double value, double error) {}

    /**
     * {@return the first step for a point: large enough for extrapolation, scaled to the point}
     *
     * @param x the point
     */
    public static double step(double x) {
        return 0.02 * Math.max(1.0, Math.abs(x));
    }

    /**
     * {@return {@code f'(x)} by Ridders' method}, from the first step {@link #step} and, for a
     * point within 1 of 0, also from a step relative to the point (so that {@code 1/x} at
     * {@code 1e-8} is not differenced across its pole): the estimate with the smaller relative error
     *
     * @param f the function
     * @param x the point
     */
    public static Estimate derivative(DoubleUnaryOperator f, double x) {
        Estimate wide = derivative(f, x, step(x));
        if (x == 0 || Math.abs(x) >= 1 || !Double.isFinite(x)) {
            return wide;
        }
        Estimate near = derivative(f, x, 0.02 * Math.abs(x));
        return better(near, wide);
    }

    /**
     * {@return the estimate with the smaller error relative to its own value, the first on a tie},
     * or the finite one:
     * estimates of one derivative from very different steps may differ by orders of magnitude (one
     * differenced across a pole), so their absolute errors do not compare
     *
     * @param a an estimate
     * @param b another estimate of the same derivative
     */
    public static Estimate better(Estimate a, Estimate b) {
        if (!Double.isFinite(b.value())) {
            return a;
        }
        if (!Double.isFinite(a.value())) {
            return b;
        }
        return relativeError(a) <= relativeError(b) ? a : b;
    }

    private static double relativeError(Estimate e) {
        return e.error() == 0 ? 0 : e.error() / Math.abs(e.value());
    }

    /**
     * {@return {@code f'(x)} by Ridders' method from the first step {@code h}}; where
     * {@code f(x +- h)} is not finite the step shrinks until it is, and where the estimate's
     * own error stays large (a function that curves sharply on the scale of {@code h}) the
     * method starts again from a step ten times smaller, keeping the best estimate
     *
     * @param f the function
     * @param x the point
     * @param h the step
     */
    public static Estimate derivative(DoubleUnaryOperator f, double x, double h) {
        Objects.requireNonNull(f, "f is null");
        if (!(h > 0)) {
            throw new IllegalArgumentException("step " + h + " is not positive");
        }
        Estimate best = ridders(f, x, h);
        for (int restart = 0; restart < 5 && !(best.error() <= 1e-9 * Math.max(1, Math.abs(best.value()))); restart++) {
            h /= 10;
            Estimate e = ridders(f, x, h);
            if (e.error() < best.error() || !Double.isFinite(best.value())) {
                best = e;
            }
        }
        return best;
    }

    private static Estimate ridders(DoubleUnaryOperator f, double x, double h) {
        double d = central(f, x, h);
        for (int tries = 0; !Double.isFinite(d) && tries < 30; tries++) {
            h /= 4;
            d = central(f, x, h);
        }
        double[][] a = new double[STEPS][STEPS];
        a[0][0] = d;
        double best = d;
        double err = Double.MAX_VALUE;
        for (int i = 1; i < STEPS; i++) {
            h /= SHRINK;
            a[0][i] = central(f, x, h);
            double fac = SHRINK2;
            for (int j = 1; j <= i; j++) {
                a[j][i] = (a[j - 1][i] * fac - a[j - 1][i - 1]) / (fac - 1);
                fac *= SHRINK2;
                double e = Math.max(Math.abs(a[j][i] - a[j - 1][i]), Math.abs(a[j][i] - a[j - 1][i - 1]));
                if (e <= err) {
                    err = e;
                    best = a[j][i];
                }
            }
            if (Math.abs(a[i][i] - a[i - 1][i - 1]) >= SAFE * err) {
                break;
            }
        }
        return new Estimate(best, err);
    }

    /**
     * {@return the one-sided derivative of {@code f} at {@code x}} from the right
     * ({@code right}) or the left, by forward differences with one Richardson step
     *
     * @param f the function
     * @param x the point
     * @param h the step
     * @param right whether to step to the right
     */
    public static double oneSided(DoubleUnaryOperator f, double x, double h, boolean right) {
        double s = right ? h : -h;
        double fx = f.applyAsDouble(x);
        double d1 = (f.applyAsDouble(x + s) - fx) / s;
        double d2 = (f.applyAsDouble(x + s / 2) - fx) / (s / 2);
        return 2 * d2 - d1;
    }

    private static double central(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }
}
