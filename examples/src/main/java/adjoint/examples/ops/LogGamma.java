package adjoint.examples.ops;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import org.apache.commons.math3.special.Gamma;

/**
 * {@code ln Γ(a)}, entry by entry, defined for {@code a > 0}; derivative the digamma function
 * {@code ψ(a)}. An op defined outside the library: value and derivative from Commons Math.
 *
 * @param a the input
 */
public record LogGamma(Expr a) implements Custom.Elementwise {

    /** {@return {@code ln Γ(x)}, used from the DSL like a built-in} */
    public static Scalar logGamma(Scalar x) {
        return x.apply(LogGamma::new);
    }

    /** {@return {@code ln Γ} of every entry of {@code x}} */
    public static Matrix logGamma(Matrix x) {
        return x.apply(LogGamma::new);
    }

    @Override
    public String op() {
        return "logGamma";
    }

    @Override
    public double apply(double x) {
        return Gamma.logGamma(x);
    }

    @Override
    public double derivative(double x, double out) {
        return Gamma.digamma(x);
    }
}
