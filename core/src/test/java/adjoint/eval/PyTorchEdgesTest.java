package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.MatrixConstant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.LogSumExpRows;
import adjoint.expr.SoftmaxRows;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.symbolic.Symbolic;
import java.util.Map;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Edge points where PyTorch 1.13 (float64) and adjoint once disagreed: each value and partial is
 * PyTorch's, by backprop and by the symbolic gradient alike. The command line's test
 * ({@code PyTorchEdgeTest}) runs the same points against PyTorch itself where it is installed.
 */
class PyTorchEdgesTest {

    static final Variable A = new Variable("a");
    static final Variable B = new Variable("b");
    static final double INF = Double.POSITIVE_INFINITY;
    static final double NAN = Double.NaN;

    /** {@return the value and both partials of {@code op(a, b)} at the point, checked equal by the symbolic gradient} */
    static double[] at(BinaryOp op, double a, double b) {
        Expr e = new Binary(op, A, B);
        Bindings at = Bindings.of("a", a).and("b", b);
        Gradient g = Backprop.gradient(e, at);
        Map<String, Expr> symbolic = Symbolic.gradient(e);
        double[] out = {g.value(), g.scalar("a"), g.scalar("b")};
        for (int k = 1; k <= 2; k++) {
            double s = Backprop.value(symbolic.get(k == 1 ? "a" : "b"), at);
            assertThat(s == out[k] || Double.isNaN(s) && Double.isNaN(out[k]))
                    .as("symbolic partial %d of %s at %s, %s is %s, backprop's %s", k, op, a, b, s, out[k]).isTrue();
        }
        return out;
    }

    @Nested
    class Selections {
        @Test
        void twoEqualInfinitiesAreATieThatGivesEachInputHalf() {
            assertThat(at(BinaryOp.MAX, INF, INF)).containsExactly(INF, 0.5, 0.5);
            assertThat(at(BinaryOp.MAX, -INF, -INF)).containsExactly(-INF, 0.5, 0.5);
            assertThat(at(BinaryOp.MIN, -INF, -INF)).containsExactly(-INF, 0.5, 0.5);
            assertThat(at(BinaryOp.MIN, INF, INF)).containsExactly(INF, 0.5, 0.5);
        }

        @Test
        void anInfinityBeatsTheLargestFiniteNumberAndNaNStaysNaN() {
            assertThat(at(BinaryOp.MAX, INF, Double.MAX_VALUE)).containsExactly(INF, 1.0, 0.0);
            assertThat(at(BinaryOp.MAX, -Double.MAX_VALUE, -INF)).containsExactly(-Double.MAX_VALUE, 1.0, 0.0);
            assertThat(at(BinaryOp.MIN, INF, -INF)).containsExactly(-INF, 0.0, 1.0);
            assertThat(at(BinaryOp.MAX, 0.0, -0.0)).containsExactly(0.0, 0.5, 0.5);
            assertThat(at(BinaryOp.MAX, NAN, INF)).containsExactly(NAN, NAN, NAN);
        }
    }

    @Nested
    class Xlogy {
        @Test
        void theLeftPartialIsZeroAtZeroWhereTheRightInputIsNotPositive() {
            assertThat(at(BinaryOp.XLOGY, 0, 0)).containsExactly(0.0, 0.0, NAN);
            assertThat(at(BinaryOp.XLOGY, 0, -1)[1]).isZero();
            assertThat(at(BinaryOp.XLOGY, -0.0, 0)[1]).isZero();
        }

        @Test
        void elsewhereItIsTheLogarithm() {
            assertThat(at(BinaryOp.XLOGY, 0, 0.5)[1]).isEqualTo(Math.log(0.5));
            assertThat(at(BinaryOp.XLOGY, 2, 0)[1]).isEqualTo(-INF);
            assertThat(at(BinaryOp.XLOGY, 2, -1)[1]).isNaN();
            assertThat(at(BinaryOp.XLOGY, 0, NAN)[1]).isNaN();
            assertThat(at(BinaryOp.XLOGY, NAN, -1)[1]).as("NaN in, NaN out").isNaN();
        }
    }

    @Nested
    class Powers {
        @Test
        void theExponentsPartialAtBaseZeroIsZeroForAnExponentOfZeroOrMore() {
            assertThat(at(BinaryOp.POW, 0, 0)).containsExactly(1.0, 0.0, 0.0);
            assertThat(at(BinaryOp.POW, 0, 2)).containsExactly(0.0, 0.0, 0.0);
            assertThat(at(BinaryOp.POW, 0, -1)).containsExactly(INF, -INF, -INF);
            Expr zeroToX = new Binary(BinaryOp.POW, new Constant(0), A);
            assertThat(Backprop.gradient(zeroToX, Bindings.of("a", 0)).scalar("a")).isZero();
            assertThat(Backprop.value(Symbolic.gradient(zeroToX).get("a"), Bindings.of("a", 0))).isZero();
        }

        @Test
        void oneToAnyPowerAndMinusOneToAnInfinityAreOneAsInIeee754() {
            assertThat(at(BinaryOp.POW, 1, NAN)).containsExactly(1.0, NAN, 0.0);
            assertThat(at(BinaryOp.POW, -1, INF)).containsExactly(1.0, INF, NAN);
            assertThat(at(BinaryOp.POW, -1, -INF)).containsExactly(1.0, -INF, NAN);
            assertThat(at(BinaryOp.POW, NAN, 0)).containsExactly(1.0, 0.0, NAN);
        }
    }

    @Nested
    class RowWise {
        @Test
        void logSumExpOfARowWithAnInfinityPassesNaNToItAndZeroToTheRest() {
            Variable x = new Variable("X", Shape.of(2, 2));
            Expr e = new Sum(new LogSumExpRows(x));
            RealMatrix at = new Array2DRowRealMatrix(new double[][] {{INF, 1}, {-INF, -INF}});
            Bindings point = Bindings.of("X", at);
            Gradient g = Backprop.gradient(e, point);
            assertThat(g.value()).isNaN();
            assertThat(g.matrix("X").getRow(0)).containsExactly(NAN, 0.0);
            assertThat(g.matrix("X").getRow(1)).containsExactly(NAN, NAN);
            RealMatrix symbolic = CompiledFunction.of(Symbolic.gradient(e).get("X"), java.util.List.of(x)).evaluate(point);
            assertThat(symbolic.getRow(0)).containsExactly(NAN, 0.0);
        }

        @Test
        void softmaxOfARowWithAnInfinityGivesTheFiniteEntriesTheirLimitZero() {
            Expr s = new SoftmaxRows(new MatrixConstant(new Array2DRowRealMatrix(new double[][] {{INF, 1, -2}, {1, 2, 3}})));
            RealMatrix v = CompiledFunction.of(s, java.util.List.of()).evaluate(Bindings.empty());
            assertThat(v.getRow(0)).containsExactly(NAN, 0.0, 0.0);
            assertThat(v.getRow(1)[0] + v.getRow(1)[1] + v.getRow(1)[2]).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-15));
        }
    }
}
