package adjoint.eval;

import adjoint.expr.Binary;
import adjoint.expr.Unary;
import org.apache.commons.math3.special.Erf;

/**
 * The calculus of the elementwise ops, one line per op: each function's value, and beside it
 * its local derivative, {@code x} being the input entry and {@code out} the output entry. The
 * interpreters apply these entry by entry, to scalars and matrices alike.
 */
final class ScalarRules {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private ScalarRules() {}

    /** {@return {@code op(x)}} */
    static double value(Unary op, double x) {
        return switch (op) {
            case Unary.Neg n -> -x;
            case Unary.Exp e -> Math.exp(x);
            case Unary.Log l -> Math.log(x);
            case Unary.Sqrt s -> Math.sqrt(x);
            case Unary.Square s -> x * x;
            case Unary.Reciprocal r -> 1.0 / x;
            case Unary.Sin s -> Math.sin(x);
            case Unary.Cos c -> Math.cos(x);
            case Unary.Tan t -> Math.tan(x);
            case Unary.Tanh t -> Math.tanh(x);
            case Unary.Sigmoid s -> sigmoid(x);
            case Unary.Relu r -> x > 0 ? x : 0.0;
            case Unary.Abs a -> Math.abs(x);
            // max(x, 0) + log1p(e^-|x|): e^x never overflows, and log1p keeps the tail exact.
            case Unary.Softplus s -> Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
            case Unary.Log1p l -> Math.log1p(x);
            case Unary.Sign s -> Math.signum(x);
            case Unary.Erf e -> Erf.erf(x);
            case Unary.Power p -> Math.pow(x, p.p());
        };
    }

    /** {@return {@code op'(x)}}, given {@code out = op(x)} */
    static double derivative(Unary op, double x, double out) {
        return switch (op) {
            case Unary.Neg n -> -1.0;
            case Unary.Exp e -> out;
            case Unary.Log l -> 1.0 / x;
            case Unary.Sqrt s -> 0.5 / out;
            case Unary.Square s -> 2.0 * x;
            case Unary.Reciprocal r -> -out * out;
            case Unary.Sin s -> Math.cos(x);
            case Unary.Cos c -> -Math.sin(x);
            case Unary.Tan t -> 1.0 + out * out;
            case Unary.Tanh t -> 1.0 - out * out;
            case Unary.Sigmoid s -> out * (1.0 - out);
            case Unary.Relu r -> x > 0 ? 1.0 : 0.0;
            case Unary.Abs a -> Math.signum(x);
            case Unary.Softplus s -> sigmoid(x);
            case Unary.Log1p l -> 1.0 / (1.0 + x);
            case Unary.Sign s -> 0.0;
            case Unary.Erf e -> TWO_OVER_SQRT_PI * Math.exp(-x * x);
            case Unary.Power p -> p.p() == 0 ? 0.0 : p.p() * Math.pow(x, p.p() - 1);
        };
    }

    /** {@return {@code op(x, y)}} */
    static double value(Binary op, double x, double y) {
        return switch (op) {
            case Binary.Add a -> x + y;
            case Binary.Sub s -> x - y;
            case Binary.Mul m -> x * y;
            case Binary.Div d -> x / y;
            case Binary.Pow p -> Math.pow(x, y);
        };
    }

    /** {@return the partial derivative of {@code op} in its left input} */
    static double partialA(Binary op, double x, double y, double out) {
        return switch (op) {
            case Binary.Add a -> 1.0;
            case Binary.Sub s -> 1.0;
            case Binary.Mul m -> y;
            case Binary.Div d -> 1.0 / y;
            case Binary.Pow p -> y == 0 ? 0.0 : y * Math.pow(x, y - 1);
        };
    }

    /** {@return the partial derivative of {@code op} in its right input} */
    static double partialB(Binary op, double x, double y, double out) {
        return switch (op) {
            case Binary.Add a -> 1.0;
            case Binary.Sub s -> -1.0;
            case Binary.Mul m -> x;
            case Binary.Div d -> -out / y;
            // a^b ln a; at a = 0 with b > 0 the limit is 0; for a < 0 it is not real.
            case Binary.Pow p -> x > 0 ? out * Math.log(x) : x == 0 && y > 0 ? 0.0 : Double.NaN;
        };
    }

    /** {@return the logistic sigmoid, with no overflow for large {@code |x|}} */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
