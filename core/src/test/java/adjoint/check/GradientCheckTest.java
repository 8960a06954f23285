package adjoint.check;

import static adjoint.fixtures.Fixtures.SEED;
import static adjoint.fixtures.Fixtures.SEED_POINT;
import static adjoint.fixtures.Fixtures.W1;
import static adjoint.fixtures.Fixtures.W2;
import static adjoint.fixtures.Fixtures.X1;
import static adjoint.fixtures.Fixtures.X2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.Bindings;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Broadcast;
import adjoint.expr.MatMul;
import adjoint.expr.MatrixTrace;
import adjoint.expr.Sum;
import adjoint.expr.Transpose;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.fixtures.Fixtures.SteepRelu;
import adjoint.fixtures.Fixtures.WrongTan;
import java.util.List;
import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GradientCheckTest {

    @Nested
    class Numerics {
        @Test
        void riddersBeatsAPlainCentralDifference() {
            FiniteDifference.Estimate e = FiniteDifference.derivative(Math::exp, 1.0, FiniteDifference.step(1.0));
            double h = 1e-5;
            double plain = (Math.exp(1 + h) - Math.exp(1 - h)) / (2 * h);
            assertThat(Math.abs(e.value() - Math.E)).isLessThan(1e-12).isLessThan(Math.abs(plain - Math.E) / 100);
            assertThat(e.error()).isLessThan(1e-10);
        }

        @Test
        void oneSidedDerivativesSeeAKink() {
            assertThat(FiniteDifference.oneSided(Math::abs, 0, 1e-4, true)).isCloseTo(1, within(1e-9));
            assertThat(FiniteDifference.oneSided(Math::abs, 0, 1e-4, false)).isCloseTo(-1, within(1e-9));
        }

        @Test
        void theStepShrinksOutOfADomainBoundary() {
            FiniteDifference.Estimate e = FiniteDifference.derivative(Math::log, 0.01, 0.5);
            assertThat(e.value()).isCloseTo(100, within(1e-6));
        }
    }

    @Nested
    class WholeExpressions {
        @Test
        void theSeedProblemPassesEveryEntry() {
            CheckReport r = GradientCheck.defaults().check(SEED, SEED_POINT);
            assertThat(r.passed()).isTrue();
            assertThat(r.entries()).hasSize(4).allMatch(e -> e.status() == Status.PASS);
            assertThat(r.entries().stream().map(EntryCheck::entry)).containsExactly("x1", "w1", "x2", "w2");
            assertThat(r.largestError()).isLessThan(1e-10);
            assertThat(r.culprit()).isEmpty();
            assertThat(r.render()).startsWith("gradient check: PASSED (4 entries").contains("x1").contains("PASS");
        }

        @Test
        void matrixVariablesAreCheckedEntryByEntry() {
            Variable w = new Variable("W", Shape.of(2, 3));
            Variable x = new Variable("x", Shape.vector(3));
            Expr f = new Sum(new Unary(UnaryOp.SQUARE, new Unary(UnaryOp.SIGMOID, new MatMul(w, x))));
            CheckReport r = GradientCheck.defaults().check(f,
                    Bindings.of("W", new double[][] {{1, -2, 0.5}, {0.3, 0.1, -1}}).and("x", new double[] {0.2, -0.4, 1.5}));
            assertThat(r.passed()).isTrue();
            assertThat(r.entries().stream().map(EntryCheck::entry)).contains("W[0,0]", "W[1,2]", "x[2,0]").hasSize(9);
        }

        @Test
        void aWrongRuleIsFoundAndNamed() {
            Expr f = new Binary(BinaryOp.MUL, new Unary(UnaryOp.SIN, X1), new Unary(UnaryOp.EXP, new WrongTan(new Binary(BinaryOp.MUL, X1, W1))));
            CheckReport r = GradientCheck.defaults().check(f, Bindings.of("x1", 0.4).and("w1", 0.9));
            assertThat(r.passed()).isFalse();
            assertThat(r.withStatus(Status.FAIL)).isNotEmpty();
            NodeCheck culprit = r.culprit().get();
            assertThat(culprit.op()).isEqualTo("wrongTan");
            assertThat(culprit.location()).isEqualTo("mul[1] > exp[0] > wrongTan");
            assertThat(culprit.inputs().get(0).getEntry(0, 0)).isCloseTo(0.36, within(1e-15));
            assertThat(r.render()).contains("FAILED").contains("the rule for wrongTan is wrong")
                    .contains("mul[1] > exp[0] > wrongTan").contains("input 0 = 0.36");
        }

        @Test
        void kinksAreReportedNotFailed() {
            CheckReport relu = GradientCheck.defaults().check(new Unary(UnaryOp.RELU, X1), Bindings.of("x1", 0));
            assertThat(relu.passed()).isTrue();
            assertThat(relu.entries().get(0).status()).isEqualTo(Status.NON_SMOOTH);
            CheckReport scaled = GradientCheck.defaults().check(new Binary(BinaryOp.MUL, new Unary(UnaryOp.RELU, X1), W1),
                    Bindings.of("x1", 0).and("w1", 2));
            assertThat(scaled.withStatus(Status.NON_SMOOTH).stream().map(EntryCheck::entry)).containsExactly("x1");
            assertThat(scaled.withStatus(Status.PASS).stream().map(EntryCheck::entry)).containsExactly("w1");
            CheckReport abs = GradientCheck.defaults().check(new Unary(UnaryOp.ABS, X1), Bindings.of("x1", 0));
            assertThat(abs.entries().get(0).status()).as("a kink, though the symmetric difference agrees with the 0 convention")
                    .isEqualTo(Status.NON_SMOOTH);
            CheckReport tie = GradientCheck.defaults().check(new Binary(BinaryOp.MAX, X1, W1), Bindings.of("x1", 2).and("w1", 2));
            assertThat(tie.passed()).isTrue();
            assertThat(tie.withStatus(Status.NON_SMOOTH).stream().map(EntryCheck::entry)).containsExactly("x1", "w1");
        }

        @Test
        void aValueOutsideTheOneSidedDerivativesAtAKinkFails() {
            CheckReport r = GradientCheck.defaults().check(new Binary(BinaryOp.MUL, new Constant(2), new Unary(UnaryOp.RELU, X1)), Bindings.of("x1", 0));
            assertThat(r.entries().get(0).status()).as("2·relu has one-sided derivatives 0 and 2; its rule gives 0")
                    .isEqualTo(Status.NON_SMOOTH);
            CheckReport wrong = GradientCheck.defaults().check(new SteepRelu(X1), Bindings.of("x1", 0));
            assertThat(wrong.passed()).isFalse();
            assertThat(wrong.entries().get(0).status()).isEqualTo(Status.FAIL);
        }

        @Test
        void aJumpIsNonSmoothNotAFailure() {
            CheckReport r = GradientCheck.defaults().check(new Unary(UnaryOp.SIGN, X1), Bindings.of("x1", 0));
            assertThat(r.entries().get(0).status()).isEqualTo(Status.NON_SMOOTH);
            assertThat(r.passed()).isTrue();
            assertThat(r.culprit()).isEmpty();
            assertThat(GradientCheck.defaults().check(new Unary(UnaryOp.SIGN, X1), Bindings.of("x1", 1e-9)).entries().get(0).status())
                    .as("away from the jump, at the scale of the point, sign is constant").isEqualTo(Status.PASS);
        }

        @Test
        void aPoleIsNotAKinkAndNeverPasses() {
            // 1/(x - 1) at 1.0000001: the first steps straddle the pole, finite differences give 7400.
            Expr f = new Binary(BinaryOp.DIV, new Constant(1), new Binary(BinaryOp.SUB, X1, new Constant(1)));
            CheckReport r = GradientCheck.defaults().check(f, Bindings.of("x1", 1.0000001));
            assertThat(r.entries().get(0).status()).isEqualTo(Status.INCONCLUSIVE);
            assertThat(r.passed()).isFalse();
            assertThat(r.failed()).as("backprop's -1e14 is right").isFalse();
            assertThat(r.render()).startsWith("gradient check: INCONCLUSIVE (1 entries, 0 non-smooth, 0 non-finite, 1 near a pole;");
            CheckReport wrong = GradientCheck.defaults().check(new WrongTan(X1), Bindings.of("x1", 1.570796));
            assertThat(wrong.passed()).as("tan with a wrong derivative, 1e-6 from its pole").isFalse();
            CheckReport near = GradientCheck.defaults().check(new Binary(BinaryOp.DIV, new Constant(1), X1), Bindings.of("x1", 1e-9));
            assertThat(near.passed()).as("1/x at 1e-9, smooth at the scale of the point").isTrue();
        }

        @Test
        void aCheckThatComparedNothingIsInconclusiveNotPassed() {
            CheckReport r = GradientCheck.defaults().check(new Unary(UnaryOp.SQRT, X1), Bindings.of("x1", 0));
            assertThat(r.entries().stream().map(EntryCheck::status)).containsExactly(Status.NON_FINITE);
            assertThat(r.inconclusive()).isTrue();
            assertThat(r.passed()).isFalse();
            assertThat(r.failed()).isFalse();
            assertThat(r.render()).startsWith("gradient check: INCONCLUSIVE");
        }

        @Test
        void aWrongElementwiseRuleIsReportedAsItsLocalDerivative() {
            Expr e = Exprs.times(new WrongTan(X1), W1);
            CheckReport r = GradientCheck.defaults().check(e, Bindings.of("x1", 0.5).and("w1", 2));
            assertThat(r.failed()).isTrue();
            NodeCheck culprit = r.culprit().get();
            assertThat(culprit.entries().get(0).backprop()).as("1 + tan(0.5), the wrong rule's local derivative")
                    .isCloseTo(1 + Math.tan(0.5), within(1e-15));
            assertThat(culprit.entries().get(0).numeric()).as("1 + tan²(0.5)").isCloseTo(1 + Math.tan(0.5) * Math.tan(0.5), within(1e-9));
        }

        @Test
        void aSmoothFunctionOfATinyInputIsNotAKink() {
            CheckReport r = GradientCheck.defaults().check(new Unary(UnaryOp.INV, X1), Bindings.of("x1", 1e-8));
            assertThat(r.entries().get(0).status()).isEqualTo(Status.PASS);
        }

        @Test
        void nonFiniteValuesAreReportedNotFailed() {
            CheckReport r = GradientCheck.defaults().check(new Unary(UnaryOp.LOG, X1), Bindings.of("x1", -0.5));
            assertThat(r.failed()).isFalse();
            assertThat(r.verdict()).as("nothing could be compared").isEqualTo("INCONCLUSIVE");
            assertThat(r.entries().get(0).status()).isEqualTo(Status.NON_FINITE);
        }

        @Test
        void aTighterToleranceIsHonoured() {
            GradientCheck strict = GradientCheck.defaults().withTolerance(0, 0);
            assertThat(strict.agree(1.0, 1.0 + 1e-15)).isFalse();
            assertThat(GradientCheck.defaults().agree(1.0, 1.0 + 1e-9)).isTrue();
            assertThat(GradientCheck.defaults().agree(1.0, 1.0 + 1e-5)).isFalse();
        }
    }

    @Nested
    class SingleNodes {
        @Test
        void everyMatrixOpRuleHoldsAtRandomInputs() {
            var a = MatrixUtils.createRealMatrix(new double[][] {{1, 2, -1}, {0.5, -3, 2}});
            var b = MatrixUtils.createRealMatrix(new double[][] {{1, 2}, {-1, 0.25}, {3, 1}});
            var sq = MatrixUtils.createRealMatrix(new double[][] {{1, 2}, {-1, 0.25}});
            Variable va = new Variable("a", Shape.of(2, 3));
            Variable vb = new Variable("b", Shape.of(3, 2));
            Variable vs = new Variable("s", Shape.of(2, 2));
            GradientCheck c = GradientCheck.defaults();
            assertThat(c.checkNode(new MatMul(va, vb), List.of(a, b)).passed()).isTrue();
            assertThat(c.checkNode(new Transpose(va), List.of(a)).passed()).isTrue();
            assertThat(c.checkNode(new Sum(va), List.of(a)).passed()).isTrue();
            assertThat(c.checkNode(new MatrixTrace(vs), List.of(sq)).passed()).isTrue();
            assertThat(c.checkNode(new Broadcast(X1, Shape.of(2, 2)),
                    List.of(MatrixUtils.createRealMatrix(new double[][] {{0.7}}))).passed()).isTrue();
        }

        @Test
        void aWrongRuleFailsItsNodeCheck() {
            NodeCheck c = GradientCheck.defaults().checkNode(new WrongTan(X1),
                    List.of(MatrixUtils.createRealMatrix(new double[][] {{0.7}})));
            assertThat(c.passed()).isFalse();
            assertThat(c.entries().get(0).status()).isEqualTo(Status.FAIL);
        }
    }
}
