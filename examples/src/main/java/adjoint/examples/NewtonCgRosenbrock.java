package adjoint.examples;

import static adjoint.dsl.Adjoint.*;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.CompiledFunction;
import adjoint.optim.Adam;
import adjoint.optim.Curvature;
import adjoint.optim.NewtonCg;
import adjoint.optim.Progress;
import adjoint.optim.Training;
import adjoint.symbolic.SecondOrder;
import java.util.Locale;

/**
 * Truncated Newton (Newton-CG) on Rosenbrock's function in 100 dimensions,
 * {@code Σᵢ 100 (xᵢ₊₁ − xᵢ²)² + (1 − xᵢ)²}, from {@code x = (−1.2, 1, −1.2, 1, ...)}, against
 * Adam from the same start: the steps each takes to bring the gradient's norm to the same
 * tolerance. Newton-CG's Hessian-vector products come from forward mode over the reverse pass;
 * the Hessian (100 x 100) is never formed.
 */
public final class NewtonCgRosenbrock {

    /** Both stop once the gradient's norm is at most this. */
    public static final double TOLERANCE = 1e-6;
    /** The dimension. */
    public static final int N = 100;
    /** Adam gives up after this many steps. */
    public static final int MAX_ADAM_STEPS = 100_000;

    private NewtonCgRosenbrock() {}

    /** {@return Rosenbrock's function of a column of {@link #N} entries} */
    static Scalar rosenbrock(Matrix x) {
        Matrix head = sliceRows(x, 0, N - 1);
        Matrix tail = sliceRows(x, 1, N);
        return sum(square(tail.minus(square(head))).times(100).plus(square(head.negate().plus(1))));
    }

    /** {@return the classic start, −1.2 and 1 alternating} */
    static double[] start() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i % 2 == 0 ? -1.2 : 1;
        }
        return x;
    }

    /** {@return Newton-CG's run from the start} */
    static Training newton(Progress progress) {
        Matrix x = vector("x", N);
        SecondOrder second = SecondOrder.of(rosenbrock(x), x);
        return NewtonCg.of(TOLERANCE).minimize(second::curvature, start(), 500, progress);
    }

    /** {@return the steps Adam takes from the start until the gradient's norm is at most the tolerance, and its last norm} */
    static double[] adam() {
        Matrix x = vector("x", N);
        CompiledFunction f = rosenbrock(x).compile(x);
        double[] point = start();
        double[] gradient = new double[N];
        var run = Adam.of(0.01).start(N);
        int steps = 0;
        double norm = Double.POSITIVE_INFINITY;
        while (steps < MAX_ADAM_STEPS) {
            f.valueAndGradient(point, gradient);
            norm = norm(gradient);
            if (norm <= TOLERANCE) {
                break;
            }
            run.step(point, gradient);
            steps++;
        }
        return new double[] {steps, norm};
    }

    static double norm(double[] g) {
        double s = 0;
        for (double v : g) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Runs both and prints their step counts.
     *
     * @param args none
     */
    public static void main(String[] args) {
        int[] products = {0};
        Matrix x = vector("x", N);
        SecondOrder second = SecondOrder.of(rosenbrock(x), x);
        Training t = NewtonCg.of(TOLERANCE).minimize(point -> counting(second.curvature(point), products), start(), 500,
                (step, steps, value) -> {
                    if (step % 20 == 1) {
                        System.out.printf(Locale.ROOT, "newton-cg step %3d  f = %.6e%n", step, value);
                    }
                });
        double[] g = rosenbrock(x).compile(x).gradient(at(x, t.point())).toArray();
        System.out.printf(Locale.ROOT, "Newton-CG: %d steps and %d Hessian-vector products to |grad| %.1e, f = %.6f, x_0 = %.6f%n",
                t.steps() - 1, products[0], norm(g), t.lastValue(), t.point()[0]);
        double[] adam = adam();
        System.out.printf(Locale.ROOT, "Adam (0.01): %s to |grad| %.1e%n",
                adam[1] <= TOLERANCE ? (long) adam[0] + " steps" : "did not get there in " + (long) adam[0] + " steps", adam[1]);
    }

    /** {@return {@code c}, counting its Hessian-vector products in {@code count[0]}} */
    private static Curvature counting(Curvature c, int[] count) {
        return new Curvature() {
            @Override public double value() { return c.value(); }
            @Override public double[] gradient() { return c.gradient(); }
            @Override public double[] hvp(double[] v) {
                count[0]++;
                return c.hvp(v);
            }
        };
    }
}
