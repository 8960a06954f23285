package adjoint.examples;

import static adjoint.dsl.Adjoint.minus;
import static adjoint.dsl.Adjoint.scalar;

import adjoint.dsl.Adjoint;
import adjoint.dsl.Scalar;
import adjoint.eval.CompiledFunction;
import adjoint.show.Formula;
import adjoint.symbolic.Derivatives;
import adjoint.symbolic.Simplify;
import adjoint.symbolic.Symbolic;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Newton's method with the exact Hessian against gradient descent, both minimising Rosenbrock's
 * function {@code (1 - x)^2 + 100 (y - x^2)^2} from {@code (-1.2, 1)}. The Hessian comes from
 * differentiating the symbolic gradient; gradient descent uses a backtracking line search.
 */
public final class NewtonRosenbrock {

    /** Both methods stop when the gradient's norm falls below this. */
    public static final double TOLERANCE = 1e-8;

    /** Gradient descent gives up after this many steps. */
    public static final int MAX_DESCENT_STEPS = 200_000;

    private NewtonRosenbrock() {}

    /**
     * The outcome of one method.
     *
     * @param iterations the steps taken
     * @param x where it stopped
     * @param y where it stopped
     * @param gradientNorm the gradient's norm there
     */
    public record Run(int iterations, double x, double y, double gradientNorm) {}

    static final Scalar X = scalar("x");
    static final Scalar Y = scalar("y");
    static final Scalar F = minus(1, X).squared().plus(Y.minus(X.squared()).squared().times(100));

    /** Prints the derivatives, then both runs and how many steps each took. */
    public static void main(String[] args) {
        var gradient = Symbolic.gradient(F);
        System.out.println("f        = " + Formula.unicode(F.expr()));
        System.out.println("∂f/∂x    = " + Formula.unicode(Simplify.readable(gradient.get("x"))));
        System.out.println("∂f/∂y    = " + Formula.unicode(Simplify.readable(gradient.get("y"))));
        System.out.println("∂²f/∂x²  = " + Formula.unicode(Simplify.readable(Symbolic.derivative(gradient.get("x"), X))));
        System.out.println("∂²f/∂x∂y = " + Formula.unicode(Simplify.readable(Symbolic.derivative(gradient.get("x"), Y))));
        System.out.println();
        Run newton = newton(true);
        Run descent = gradientDescent();
        System.out.printf(Locale.ROOT, "Newton:           %6d iterations, stopped at (%.10f, %.10f), |grad| %.1e%n",
                newton.iterations(), newton.x(), newton.y(), newton.gradientNorm());
        System.out.printf(Locale.ROOT, "gradient descent: %6d iterations, stopped at (%.10f, %.10f), |grad| %.1e%n",
                descent.iterations(), descent.x(), descent.y(), descent.gradientNorm());
    }

    /** {@return Newton's method from (-1.2, 1), printing each iterate if asked} */
    public static Run newton(boolean print) {
        CompiledFunction f = F.compile(X, Y);
        double[] p = {-1.2, 1};
        double[] g = new double[2];
        int k = 0;
        double value = f.valueAndGradient(p, g);
        while (norm(g) >= TOLERANCE && k < 100) {
            RealMatrix h = Derivatives.hessian(F, List.of(X, Y), Adjoint.at(X, p[0], Y, p[1]));
            RealVector step = new LUDecomposition(h).getSolver().solve(MatrixUtils.createRealVector(g));
            p[0] -= step.getEntry(0);
            p[1] -= step.getEntry(1);
            value = f.valueAndGradient(p, g);
            k++;
            if (print) {
                System.out.printf(Locale.ROOT, "newton %2d: (%.12f, %.12f)  f = %.3e  |grad| = %.3e%n", k, p[0], p[1], value, norm(g));
            }
        }
        return new Run(k, p[0], p[1], norm(g));
    }

    /** {@return gradient descent from (-1.2, 1) with a backtracking (Armijo) line search} */
    public static Run gradientDescent() {
        CompiledFunction f = F.compile(X, Y);
        double[] p = {-1.2, 1};
        double[] g = new double[2];
        double value = f.valueAndGradient(p, g);
        int k = 0;
        double step = 1e-3;
        while (norm(g) >= TOLERANCE && k < MAX_DESCENT_STEPS) {
            double gg = g[0] * g[0] + g[1] * g[1];
            double t = Math.min(1, 2 * step);
            double[] q = new double[2];
            while (true) {
                q[0] = p[0] - t * g[0];
                q[1] = p[1] - t * g[1];
                if (f.value(q) <= value - 1e-4 * t * gg || t < 1e-12) {
                    break;
                }
                t /= 2;
            }
            step = t;
            p = q;
            value = f.valueAndGradient(p, g);
            k++;
        }
        return new Run(k, p[0], p[1], norm(g));
    }

    private static double norm(double[] g) {
        return Math.hypot(g[0], g[1]);
    }
}
