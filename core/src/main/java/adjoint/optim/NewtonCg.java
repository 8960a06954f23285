package adjoint.optim;

import java.util.Arrays;
import java.util.Objects;

/**
 * Truncated Newton (Newton-CG, Nocedal and Wright, Algorithm 7.1): at each step, conjugate
 * gradient on {@code H p = -g} using Hessian-vector products only, stopped when the residual is
 * below {@code min(forcing, √‖g‖)·‖g‖} or when it meets non-positive curvature (then the last
 * iterate, or on the first the steepest descent direction scaled by {@code ‖g‖²/|gᵀHg|}), then a backtracking line search
 * with Armijo's condition. The Hessian is never formed. Unlike {@link Optimizer}s, it needs
 * second derivatives: a {@link CurvatureObjective} such as {@code SecondOrder::curvature}.
 *
 * @param maxCgIterations the most conjugate gradient iterations per step, positive
 * @param gradientTolerance the run stops once the gradient's Euclidean norm is at most this, 0 or more
 * @param forcing the largest relative residual at which CG stops, in (0, 1): Nocedal and Wright
 *     take 0.5; a smaller one solves each Newton system more exactly, fewer steps for more
 *     Hessian-vector products each, which pays on a curved valley such as Rosenbrock's
 */
public record NewtonCg(int maxCgIterations, double gradientTolerance, double forcing) {

    /** Armijo's sufficient decrease constant. */
    private static final double ARMIJO = 1e-4;
    /** The most halvings of the step in one line search. */
    private static final int MAX_HALVINGS = 60;

    /** Checks the settings. */
    public NewtonCg {
        if (maxCgIterations <= 0) {
            throw new IllegalArgumentException("maxCgIterations is " + maxCgIterations + ", expected a positive number");
        }
        if (!(forcing > 0 && forcing < 1)) {
            throw new IllegalArgumentException("forcing is " + forcing + ", expected a number between 0 and 1");
        }
        if (!(gradientTolerance >= 0)) {
            throw new IllegalArgumentException("gradient tolerance is " + gradientTolerance + ", expected 0 or more");
        }
    }

    /**
     * {@return Newton-CG stopping at a gradient norm of {@code gradientTolerance}, with up to 200
     * CG iterations a step, each solved to a relative residual of at most 0.01}
     *
     * @param gradientTolerance the gradient norm at which to stop
     */
    public static NewtonCg of(double gradientTolerance) {
        return new NewtonCg(200, gradientTolerance, 0.01);
    }

    /**
     * {@return the steps taken from {@code start}}: at most {@code maxSteps}, fewer once the
     * gradient's norm is at most the tolerance; each step's value is reported to {@code progress}
     *
     * @param objective the function and its curvature
     * @param start the first point; not changed
     * @param maxSteps the most Newton steps
     * @param progress told of every step
     * @throws DivergedException if the value or gradient is not finite at a step, or the line
     *     search finds no decrease
     */
    public Training minimize(CurvatureObjective objective, double[] start, int maxSteps, Progress progress) {
        Objects.requireNonNull(objective, "objective is null");
        Objects.requireNonNull(progress, "progress is null");
        double[] x = Objects.requireNonNull(start, "start is null").clone();
        if (maxSteps < 0) {
            throw new IllegalArgumentException("maxSteps is " + maxSteps + ", expected 0 or more");
        }
        double[] values = new double[maxSteps];
        int k = 0;
        Curvature c = maxSteps > 0 ? objective.at(x) : null;
        while (k < maxSteps) {
            double fx = c.value();
            double[] g = c.gradient();
            DivergedException.check(k + 1, fx, g);
            double gnorm = norm(g);
            values[k++] = fx;
            progress.step(k, maxSteps, fx);
            if (gnorm <= gradientTolerance) {
                break;
            }
            double[] p = direction(c, g, gnorm);
            double slope = dot(g, p);
            double t = 1;
            Curvature next = null;
            for (int h = 0; h < MAX_HALVINGS; h++) {
                double[] trial = x.clone();
                axpy(t, p, trial);
                Curvature at = objective.at(trial);
                if (at.value() <= fx + ARMIJO * t * slope) {
                    x = trial;
                    next = at;
                    break;
                }
                t /= 2;
            }
            if (next == null) {
                throw DivergedException.noDecrease(k, fx, slope, MAX_HALVINGS);
            }
            DivergedException.checkPoint(k, x);
            c = next;
        }
        return new Training(x, Arrays.copyOf(values, k));
    }

    /** {@return the truncated Newton direction: CG on {@code H p = -g} from {@code p = 0}} */
    private double[] direction(Curvature c, double[] g, double gnorm) {
        int n = g.length;
        double[] z = new double[n];
        double[] r = g.clone();
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = -r[i];
        }
        double rr = dot(r, r);
        double eta = Math.min(forcing, Math.sqrt(gnorm));
        for (int j = 0; j < maxCgIterations; j++) {
            double[] hd = c.hvp(d);
            double curvature = dot(d, hd);
            if (!(curvature > 0)) {
                if (j > 0) {
                    return z;
                }
                // Steepest descent, scaled by the curvature met along it, as SciPy's Newton-CG does.
                double scale = curvature < 0 ? rr / -curvature : 1;
                for (int i = 0; i < n; i++) {
                    d[i] *= scale;
                }
                return d;
            }
            double alpha = rr / curvature;
            axpy(alpha, d, z);
            axpy(alpha, hd, r);
            double rrNext = dot(r, r);
            if (Math.sqrt(rrNext) < eta * gnorm) {
                return z;
            }
            double beta = rrNext / rr;
            for (int i = 0; i < n; i++) {
                d[i] = -r[i] + beta * d[i];
            }
            rr = rrNext;
        }
        return z;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    /** {@code y += a·x} */
    private static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }
}
