package adjoint.bench;

import static adjoint.dsl.Adjoint.scalar;

import adjoint.dsl.Scalar;
import adjoint.eval.CompiledFunction;
import java.util.List;

/** {@code q1}: the gradient of the first seed problem at (1, 2, 3, 4), one-shot and compiled. */
final class Q1Workload {

    private Q1Workload() {}

    /** {@return build and gradient together, against the closed form, DerivativeStructure and SparseGradient} */
    static Line oneShot(Timer timer) {
        double seconds = timer.median(() -> {
            Scalar x1 = scalar("x1");
            Scalar w1 = scalar("w1");
            Scalar x2 = scalar("x2");
            Scalar w2 = scalar("w2");
            return Seeds.q1(x1, w1, x2, w2).gradientAt(x1, 1.0, w1, 2.0, x2, 3.0, w2, 4.0);
        });
        return baselines(timer, new Line("q1-oneshot", 4, seconds, List.of()));
    }

    /** {@return the gradient of a function compiled once, at a new point each call} */
    static Line compiled(Timer timer, CompiledFunction f) {
        double[] point = {1, 2, 3, 4};
        double[] g = new double[4];
        int[] calls = {0};
        double seconds = timer.median(() -> {
            point[0] = 1 + (calls[0]++ % 1000) * 1e-6;
            return f.valueAndGradient(point, g);
        });
        return baselines(timer, new Line("q1-compiled", 4, seconds, List.of()));
    }

    /** {@return the compiled function's forward pass alone, at a new point each call} */
    static double forward(Timer timer, CompiledFunction f) {
        double[] point = {1, 2, 3, 4};
        int[] calls = {0};
        return timer.median(() -> {
            point[0] = 1 + (calls[0]++ % 1000) * 1e-6;
            return f.value(point);
        });
    }

    /** {@return the seed compiled with its four variables} */
    static CompiledFunction compile() {
        Scalar x1 = scalar("x1");
        Scalar w1 = scalar("w1");
        Scalar x2 = scalar("x2");
        Scalar w2 = scalar("w2");
        return Seeds.q1(x1, w1, x2, w2).compile(x1, w1, x2, w2);
    }

    private static Line baselines(Timer timer, Line line) {
        double[] g = new double[4];
        int[] calls = {0};
        return line
                .with("hand", timer.median(() -> Seeds.q1Hand(1 + (calls[0]++ % 1000) * 1e-6, 2, 3, 4, g)))
                .with("DerivativeStructure", timer.median(() -> Seeds.q1Structure(1 + (calls[0]++ % 1000) * 1e-6, 2, 3, 4, g)))
                .with("SparseGradient", timer.median(() -> Seeds.q1Sparse(1 + (calls[0]++ % 1000) * 1e-6, 2, 3, 4, g)));
    }
}
