package adjoint.examples;

import static adjoint.dsl.Adjoint.constantVector;
import static adjoint.dsl.Adjoint.exp;
import static adjoint.dsl.Adjoint.minus;
import static adjoint.dsl.Adjoint.scalar;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.CompiledFunction;
import adjoint.optim.Optimization;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.gradient.NonLinearConjugateGradientOptimizer;

/**
 * Commons Math's optimizers on adjoint expressions: Levenberg-Marquardt fits
 * {@code a e^(-b t) + c} to noisy data, its model's Jacobian by backprop; nonlinear conjugate
 * gradient minimises Rosenbrock's function with backprop's gradient.
 */
public final class CurveFit {

    /** The parameters the data are generated with. */
    public static final double A = 2.5;
    /** The decay rate the data are generated with. */
    public static final double B = 1.3;
    /** The offset the data are generated with. */
    public static final double C = 0.7;
    /** The standard deviation of the noise. */
    public static final double NOISE = 0.02;

    private CurveFit() {}

    /**
     * A fit's outcome.
     *
     * @param a the fitted amplitude
     * @param b the fitted decay rate
     * @param c the fitted offset
     * @param sigmas each parameter's standard error
     * @param rms the root-mean-square residual
     * @param iterations the optimizer's iterations
     */
    public record Fit(double a, double b, double c, double[] sigmas, double rms, int iterations) {}

    /** Prints the fit and the minimisation. */
    public static void main(String[] args) {
        Fit fit = fit();
        System.out.printf(Locale.ROOT, "Levenberg-Marquardt fit of a e^(-b t) + c to 60 points with noise %.2f, %d iterations:%n",
                NOISE, fit.iterations());
        System.out.printf(Locale.ROOT, "  a = %.4f ± %.4f  (true %.1f)%n", fit.a(), fit.sigmas()[0], A);
        System.out.printf(Locale.ROOT, "  b = %.4f ± %.4f  (true %.1f)%n", fit.b(), fit.sigmas()[1], B);
        System.out.printf(Locale.ROOT, "  c = %.4f ± %.4f  (true %.1f)%n", fit.c(), fit.sigmas()[2], C);
        System.out.printf(Locale.ROOT, "  rms residual %.4f%n", fit.rms());
        PointValuePair min = rosenbrock();
        System.out.printf(Locale.ROOT, "nonlinear conjugate gradient on Rosenbrock from (-1.2, 1): (%.6f, %.6f), f = %.2e%n",
                min.getPoint()[0], min.getPoint()[1], min.getValue());
    }

    /** {@return the data: t_i = 0.1 i for 60 points, y = A e^(-B t) + C plus Gaussian noise, fixed seed} */
    static double[][] data() {
        Random r = new Random(8);
        double[] t = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < 60; i++) {
            t[i] = 0.1 * i;
            y[i] = A * Math.exp(-B * t[i]) + C + NOISE * r.nextGaussian();
        }
        return new double[][] {t, y};
    }

    /** {@return the Levenberg-Marquardt fit from (1, 1, 0)} */
    public static Fit fit() {
        double[][] data = data();
        Scalar a = scalar("a");
        Scalar b = scalar("b");
        Scalar c = scalar("c");
        Matrix t = constantVector(data[0]);
        Matrix model = exp(t.times(b).negate()).times(a).plus(c);
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(Optimization.model(model, List.of(a, b, c)))
                .target(data[1])
                .start(new double[] {1, 1, 0})
                .maxEvaluations(1000)
                .maxIterations(1000)
                .build());
        double[] p = optimum.getPoint().toArray();
        double[] sigmas = optimum.getSigma(1e-14).mapMultiply(optimum.getRMS()).toArray();
        return new Fit(p[0], p[1], p[2], sigmas, optimum.getRMS(), optimum.getIterations());
    }

    /** {@return the minimum of Rosenbrock's function found by nonlinear conjugate gradient from (-1.2, 1)} */
    public static PointValuePair rosenbrock() {
        Scalar x = scalar("x");
        Scalar y = scalar("y");
        CompiledFunction f = minus(1, x).squared().plus(y.minus(x.squared()).squared().times(100)).compile(x, y);
        NonLinearConjugateGradientOptimizer cg = new NonLinearConjugateGradientOptimizer(
                NonLinearConjugateGradientOptimizer.Formula.POLAK_RIBIERE, new SimpleValueChecker(1e-14, 1e-14));
        return cg.optimize(new MaxEval(100_000), Optimization.objective(f), Optimization.gradient(f), GoalType.MINIMIZE,
                new InitialGuess(new double[] {-1.2, 1}));
    }
}
