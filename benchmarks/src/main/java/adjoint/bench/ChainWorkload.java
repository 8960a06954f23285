package adjoint.bench;

import static adjoint.dsl.Adjoint.constant;
import static adjoint.dsl.Adjoint.cos;
import static adjoint.dsl.Adjoint.inv;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.sin;

import adjoint.dsl.Scalar;
import adjoint.eval.CompiledFunction;
import java.util.List;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;

/**
 * {@code scalar_chain N}: {@code sum_{i<N} 1/(2 + sin(2 t_i)^2 + cos(3 t_i))}, and
 * {@code poly_chain N}: {@code sum_{i<N} (2 + (2 t_i)^2 + (3 t_i)^2)^-1}, with {@code t_i = 0.001 i};
 * the gradient with respect to all N variables, build and gradient timed together.
 */
final class ChainWorkload {

    private ChainWorkload() {}

    /** {@return the workload's line: adjoint against the closed form, SparseGradient, and (for N <= 1000) DerivativeStructure} */
    static Line run(Timer timer, int n, boolean poly) {
        double[] g = new double[n];
        Line line = new Line(poly ? "poly_chain" : "scalar_chain", n, timer.median(() -> adjoint(n, poly, g)), List.of());
        line = line.with("hand", timer.median(() -> hand(n, poly, g)));
        line = line.with("SparseGradient", timer.median(() -> sparse(n, poly, g)));
        if (n <= 1000) {
            line = line.with("DerivativeStructure", timer.median(() -> structure(n, poly, g)));
        }
        return line;
    }

    /** {@return the sum built with the DSL and compiled with its N variables} */
    static CompiledFunction build(int n, boolean poly) {
        Scalar[] t = new Scalar[n];
        Scalar sum = null;
        for (int i = 0; i < n; i++) {
            t[i] = scalar("t" + i);
            Scalar term = poly
                    ? constant(2).plus(t[i].times(2).squared()).plus(t[i].times(3).squared()).pow(-1)
                    : inv(constant(2).plus(sin(t[i].times(2)).squared()).plus(cos(t[i].times(3))));
            sum = sum == null ? term : sum.plus(term);
        }
        return sum.compile(t);
    }

    /** {@return the point {@code t_i = 0.001 i}} */
    static double[] point(int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.001 * i;
        }
        return p;
    }

    static double adjoint(int n, boolean poly, double[] g) {
        return build(n, poly).valueAndGradient(point(n), g);
    }

    static double hand(int n, boolean poly, double[] g) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double t = 0.001 * i;
            if (poly) {
                double d = 2 + 13 * t * t;
                sum += 1 / d;
                g[i] = -26 * t / (d * d);
            } else {
                double d = 2 + Math.pow(Math.sin(2 * t), 2) + Math.cos(3 * t);
                sum += 1 / d;
                g[i] = -(2 * Math.sin(4 * t) - 3 * Math.sin(3 * t)) / (d * d);
            }
        }
        return sum;
    }

    static double sparse(int n, boolean poly, double[] g) {
        SparseGradient sum = SparseGradient.createConstant(0);
        for (int i = 0; i < n; i++) {
            SparseGradient t = SparseGradient.createVariable(i, 0.001 * i);
            SparseGradient term = poly
                    ? t.multiply(2).pow(2).add(t.multiply(3).pow(2)).add(2).pow(-1)
                    : t.multiply(2).sin().pow(2).add(2).add(t.multiply(3).cos()).reciprocal();
            sum = sum.add(term);
        }
        for (int i = 0; i < n; i++) {
            g[i] = sum.getDerivative(i);
        }
        return sum.getValue();
    }

    static double structure(int n, boolean poly, double[] g) {
        DerivativeStructure sum = new DerivativeStructure(n, 1, 0);
        int[] orders = new int[n];
        for (int i = 0; i < n; i++) {
            DerivativeStructure t = new DerivativeStructure(n, 1, i, 0.001 * i);
            DerivativeStructure term = poly
                    ? t.multiply(2).pow(2).add(t.multiply(3).pow(2)).add(2).pow(-1)
                    : t.multiply(2).sin().pow(2).add(2).add(t.multiply(3).cos()).reciprocal();
            sum = sum.add(term);
        }
        for (int i = 0; i < n; i++) {
            orders[i] = 1;
            g[i] = sum.getPartialDerivative(orders);
            orders[i] = 0;
        }
        return sum.getValue();
    }
}
