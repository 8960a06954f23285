package adjoint.bench;

import static adjoint.dsl.Adjoint.constant;
import static adjoint.dsl.Adjoint.cos;
import static adjoint.dsl.Adjoint.inv;
import static adjoint.dsl.Adjoint.sin;

import adjoint.dsl.Scalar;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;
import org.apache.commons.math3.analysis.differentiation.SparseGradient;

/** The first seed problem {@code 1/(2 + sin(x1 w1)^2 + cos(x2 w2))} written every way the workloads compare. */
final class Seeds {

    private Seeds() {}

    /** {@return the seed built with the DSL} */
    static Scalar q1(Scalar x1, Scalar w1, Scalar x2, Scalar w2) {
        return inv(constant(2).plus(sin(x1.times(w1)).squared()).plus(cos(x2.times(w2))));
    }

    /** {@return the value, and the gradient into {@code g}, from the hand-derived closed form} */
    static double q1Hand(double x1, double w1, double x2, double w2, double[] g) {
        double d = 2 + Math.pow(Math.sin(x1 * w1), 2) + Math.cos(x2 * w2);
        double d2 = d * d;
        double s2 = Math.sin(2 * x1 * w1);
        double s = Math.sin(x2 * w2);
        g[0] = -w1 * s2 / d2;
        g[1] = -x1 * s2 / d2;
        g[2] = w2 * s / d2;
        g[3] = x2 * s / d2;
        return 1 / d;
    }

    /** {@return the seed's value and gradient by Commons Math's forward-mode {@code DerivativeStructure}} */
    static double q1Structure(double x1, double w1, double x2, double w2, double[] g) {
        DerivativeStructure a = new DerivativeStructure(4, 1, 0, x1);
        DerivativeStructure b = new DerivativeStructure(4, 1, 1, w1);
        DerivativeStructure c = new DerivativeStructure(4, 1, 2, x2);
        DerivativeStructure d = new DerivativeStructure(4, 1, 3, w2);
        DerivativeStructure f = a.multiply(b).sin().pow(2).add(2).add(c.multiply(d).cos()).reciprocal();
        g[0] = f.getPartialDerivative(1, 0, 0, 0);
        g[1] = f.getPartialDerivative(0, 1, 0, 0);
        g[2] = f.getPartialDerivative(0, 0, 1, 0);
        g[3] = f.getPartialDerivative(0, 0, 0, 1);
        return f.getValue();
    }

    /** {@return the seed's value and gradient by Commons Math's {@code SparseGradient}} */
    static double q1Sparse(double x1, double w1, double x2, double w2, double[] g) {
        SparseGradient a = SparseGradient.createVariable(0, x1);
        SparseGradient b = SparseGradient.createVariable(1, w1);
        SparseGradient c = SparseGradient.createVariable(2, x2);
        SparseGradient d = SparseGradient.createVariable(3, w2);
        SparseGradient f = a.multiply(b).sin().pow(2).add(2).add(c.multiply(d).cos()).reciprocal();
        for (int i = 0; i < 4; i++) {
            g[i] = f.getDerivative(i);
        }
        return f.getValue();
    }
}
