package adjoint.eval;

import adjoint.expr.Binary;
import adjoint.expr.Unary;
import org.apache.commons.math3.special.Erf;

/**
 * The calculus of the elementwise ops, one line per op: each function's value, and beside it
 * its local derivative, {@code x} being the input entry and {@code out} the output entry. The
 * interpreters apply these entry by entry, to scalars and matrices alike.
 *
 * <p>Each op record is mapped once, when a program is compiled, to its {@link UnaryRule} or {@link BinaryRule}; the tables
 * below switch on those enums, which compiles to a jump table rather than a chain of type tests.
 */
final class ScalarRules {

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    /** One constant per elementwise op of one input. */
    enum UnaryRule {
        NEG, EXP, LOG, SQRT, SQUARE, RECIPROCAL, SIN, COS, TAN, TANH, SIGMOID, RELU, ABS, SOFTPLUS, LOG1P, SIGN, ERF, POWER
    }

    /** One constant per elementwise op of two inputs. */
    enum BinaryRule {
        ADD, SUB, MUL, DIV, POW
    }

    private ScalarRules() {}

    /** {@return the rule of an elementwise op of one input} */
    static UnaryRule rule(Unary op) {
        return switch (op) {
            case Unary.Neg n -> UnaryRule.NEG;
            case Unary.Exp e -> UnaryRule.EXP;
            case Unary.Log l -> UnaryRule.LOG;
            case Unary.Sqrt s -> UnaryRule.SQRT;
            case Unary.Square s -> UnaryRule.SQUARE;
            case Unary.Reciprocal r -> UnaryRule.RECIPROCAL;
            case Unary.Sin s -> UnaryRule.SIN;
            case Unary.Cos c -> UnaryRule.COS;
            case Unary.Tan t -> UnaryRule.TAN;
            case Unary.Tanh t -> UnaryRule.TANH;
            case Unary.Sigmoid s -> UnaryRule.SIGMOID;
            case Unary.Relu r -> UnaryRule.RELU;
            case Unary.Abs a -> UnaryRule.ABS;
            case Unary.Softplus s -> UnaryRule.SOFTPLUS;
            case Unary.Log1p l -> UnaryRule.LOG1P;
            case Unary.Sign s -> UnaryRule.SIGN;
            case Unary.Erf e -> UnaryRule.ERF;
            case Unary.Power p -> UnaryRule.POWER;
        };
    }

    /** {@return the rule of an elementwise op of two inputs} */
    static BinaryRule rule(Binary op) {
        return switch (op) {
            case Binary.Add a -> BinaryRule.ADD;
            case Binary.Sub s -> BinaryRule.SUB;
            case Binary.Mul m -> BinaryRule.MUL;
            case Binary.Div d -> BinaryRule.DIV;
            case Binary.Pow p -> BinaryRule.POW;
        };
    }

    /** {@return the constant parameter of an op of one input: a power's exponent, else 0} */
    static double parameter(Unary op) {
        return op instanceof Unary.Power p ? p.p() : 0;
    }

    /** {@return {@code op(x)}}, {@code p} being the op's parameter */
    static double value(UnaryRule op, double x, double p) {
        return switch (op) {
            case NEG -> -x;
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case SQRT -> Math.sqrt(x);
            case SQUARE -> x * x;
            case RECIPROCAL -> 1.0 / x;
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case TANH -> Math.tanh(x);
            case SIGMOID -> sigmoid(x);
            case RELU -> x > 0 ? x : 0.0;
            case ABS -> Math.abs(x);
            // max(x, 0) + log1p(e^-|x|): e^x never overflows, and log1p keeps the tail exact.
            case SOFTPLUS -> Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
            case LOG1P -> Math.log1p(x);
            case SIGN -> Math.signum(x);
            case ERF -> Erf.erf(x);
            case POWER -> Math.pow(x, p);
        };
    }

    /** {@return {@code op'(x)}}, given {@code out = op(x)} and the op's parameter {@code p} */
    static double derivative(UnaryRule op, double x, double out, double p) {
        return switch (op) {
            case NEG -> -1.0;
            case EXP -> out;
            case LOG -> 1.0 / x;
            case SQRT -> 0.5 / out;
            case SQUARE -> 2.0 * x;
            case RECIPROCAL -> -out * out;
            case SIN -> Math.cos(x);
            case COS -> -Math.sin(x);
            case TAN -> 1.0 + out * out;
            case TANH -> 1.0 - out * out;
            case SIGMOID -> out * (1.0 - out);
            case RELU -> x > 0 ? 1.0 : 0.0;
            case ABS -> Math.signum(x);
            case SOFTPLUS -> sigmoid(x);
            case LOG1P -> 1.0 / (1.0 + x);
            case SIGN -> 0.0;
            case ERF -> TWO_OVER_SQRT_PI * Math.exp(-x * x);
            case POWER -> p == 0 ? 0.0 : p * Math.pow(x, p - 1);
        };
    }

    /** {@return {@code op(x, y)}} */
    static double value(BinaryRule op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case POW -> Math.pow(x, y);
        };
    }

    /** {@return the partial derivative of {@code op} in its left input} */
    static double partialA(BinaryRule op, double x, double y, double out) {
        return switch (op) {
            case ADD, SUB -> 1.0;
            case MUL -> y;
            case DIV -> 1.0 / y;
            case POW -> y == 0 ? 0.0 : y * Math.pow(x, y - 1);
        };
    }

    /** {@return the partial derivative of {@code op} in its right input} */
    static double partialB(BinaryRule op, double x, double y, double out) {
        return switch (op) {
            case ADD -> 1.0;
            case SUB -> -1.0;
            case MUL -> x;
            case DIV -> -out / y;
            // a^b ln a; at a = 0 with b > 0 the limit is 0; for a < 0 it is not real.
            case POW -> x > 0 ? out * Math.log(x) : x == 0 && y > 0 ? 0.0 : Double.NaN;
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
