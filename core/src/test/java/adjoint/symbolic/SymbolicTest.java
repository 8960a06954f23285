package adjoint.symbolic;

import static adjoint.fixtures.Fixtures.SEED;
import static adjoint.fixtures.Fixtures.SEED_POINT;
import static adjoint.fixtures.Fixtures.W1;
import static adjoint.fixtures.Fixtures.W2;
import static adjoint.fixtures.Fixtures.X1;
import static adjoint.fixtures.Fixtures.X2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Broadcast;
import adjoint.expr.MatMul;
import adjoint.expr.Sum;
import adjoint.expr.Transpose;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.fixtures.Fixtures.Cube;
import adjoint.fixtures.Fixtures.Twice;
import adjoint.show.Formula;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SymbolicTest {

    @Nested
    class Gradients {
        @Test
        void theSeedDerivativePrintsAsAStudentWritesIt() {
            Expr d = Simplify.readable(Symbolic.derivative(SEED, X1));
            assertThat(Formula.unicode(d)).isEqualTo("−2·w₁·sin(x₁·w₁)·cos(x₁·w₁)/(2 + sin²(x₁·w₁) + cos(x₂·w₂))²");
            assertThat(Formula.latex(d)).startsWith("-\\frac{2 \\cdot w_{1} \\cdot \\sin\\left(x_{1} \\cdot w_{1}\\right)");
            assertThat(Formula.unicode(Simplify.readable(Symbolic.derivative(SEED, X2)))).isEqualTo("w₂·sin(x₂·w₂)/(2 + sin²(x₁·w₁) + cos(x₂·w₂))²");
        }

        @Test
        void theSymbolicGradientEvaluatesToTheSeedNumbers() {
            var g = Symbolic.gradient(SEED);
            assertThat(List.copyOf(g.keySet())).containsExactly("x1", "w1", "x2", "w2");
            double[] expected = {0.11233639973639942, 0.05616819986819971, -0.15929299963446267, -0.11946974972584701};
            String[] names = {"x1", "w1", "x2", "w2"};
            for (int i = 0; i < 4; i++) {
                assertThat(Backprop.value(g.get(names[i]), SEED_POINT)).isCloseTo(expected[i], within(1e-16));
            }
        }

        @Test
        void matrixGradientsEvaluateToBackprop() {
            Variable w = new Variable("W", Shape.of(3, 3));
            Variable x = new Variable("x", Shape.vector(3));
            Expr f = new Sum(new Unary(UnaryOp.SQUARE, new Unary(UnaryOp.SIGMOID, new MatMul(w, x))));
            Bindings at = Bindings.of("W", new double[][] {{-1, -2, -3}, {2, 3, 4}, {3, 4, 5}}).and("x", new double[] {-1, 3, 2});
            var g = Symbolic.gradient(f);
            Gradient numeric = Backprop.gradient(f, at);
            RealMatrix gw = Backprop.evaluate(g.get("W"), at);
            RealMatrix gx = Backprop.evaluate(g.get("x"), at);
            assertThat(gw.subtract(numeric.matrix("W")).getNorm()).isLessThan(1e-20);
            assertThat(gx.subtract(numeric.matrix("x")).getNorm()).isLessThan(1e-20);
        }

        @Test
        void simplifyingAllGradientsTogetherGivesWhatEachGivesAlone() {
            Variable w = new Variable("W", Shape.of(3, 3));
            Variable x = new Variable("x", Shape.vector(3));
            Expr f = new Binary(BinaryOp.MUL, new Sum(new Unary(UnaryOp.SIGMOID, new MatMul(w, x))), SEED);
            var together = Symbolic.gradient(f);
            var raw = Symbolic.gradient(f, false);
            assertThat(together.keySet()).containsExactlyElementsOf(raw.keySet()).hasSize(6);
            for (String name : raw.keySet()) {
                assertThat(together.get(name)).as(name).isEqualTo(Simplify.of(raw.get(name)));
            }
        }

        @Test
        void sharedNodesStaySharedSoTheGradientGrowsLinearly() {
            Expr e = X1;
            for (int i = 0; i < 100; i++) {
                e = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SIN, e), e);
            }
            Expr d = Symbolic.derivative(e, X1);
            int nodes = CompiledFunction.of(d).nodeCount();
            assertThat(nodes).isLessThan(20 * 201);
            double h = 1e-6;
            double numeric = (Backprop.value(e, Bindings.of("x1", 0.3 + h)) - Backprop.value(e, Bindings.of("x1", 0.3 - h))) / (2 * h);
            assertThat(Backprop.value(d, Bindings.of("x1", 0.3))).isCloseTo(numeric, within(1e-6 * Math.abs(numeric)));
            Expr doubling = X1;
            for (int i = 0; i < 100; i++) {
                doubling = new Binary(BinaryOp.ADD, doubling, doubling);
            }
            Expr dd = Symbolic.derivative(doubling, X1);
            assertThat(CompiledFunction.of(dd).nodeCount()).isLessThan(10 * 101);
            assertThat(Backprop.value(dd, Bindings.of("x1", 5))).isEqualTo(Math.pow(2, 100));
        }

        @Test
        void aVariableNotUsedHasZeroDerivative() {
            assertThat(Symbolic.derivative(SEED, new Variable("q"))).isEqualTo(new Constant(0));
        }

        @Test
        void aCustomOpNeedsASymbolicRule() {
            assertThatThrownBy(() -> Symbolic.gradient(new Twice(X1)))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("twice has no symbolic rule: implement Custom.Symbolic to differentiate it symbolically");
        }

        @Test
        void aSymbolicCustomOpIsDifferentiatedThroughItsRule() {
            Expr d = Symbolic.derivative(new Cube(X1), X1);
            assertThat(Formula.unicode(Simplify.readable(d))).isEqualTo("3·x₁²");
            assertThat(Backprop.value(Symbolic.derivative(d, X1), Bindings.of("x1", 2))).isEqualTo(12);
        }
    }

    @Nested
    class Simplification {
        @Test
        void identitiesConstantsAndNegations() {
            assertThat(Formula.unicode(Simplify.of(new Binary(BinaryOp.ADD, new Binary(BinaryOp.MUL, X1, new Constant(1)), new Constant(-0.0)))))
                    .isEqualTo("x₁");
            assertThat(Simplify.of(new Unary(UnaryOp.NEG, new Unary(UnaryOp.NEG, X1)))).isEqualTo(X1);
            assertThat(Simplify.of(new Binary(BinaryOp.MUL, new Constant(3), new Binary(BinaryOp.ADD, new Constant(1), new Constant(2)))))
                    .isEqualTo(new Constant(9));
            assertThat(Formula.unicode(Simplify.readable(new Binary(BinaryOp.MUL, new Binary(BinaryOp.MUL, new Constant(2), X1),
                    new Binary(BinaryOp.MUL, X1, new Constant(-3)))))).isEqualTo("−6·x₁²");
            assertThat(Formula.unicode(Simplify.of(new Binary(BinaryOp.ADD, X1, new Unary(UnaryOp.NEG, W1))))).isEqualTo("x₁ − w₁");
            assertThat(Formula.unicode(Simplify.of(Exprs.pow(new Binary(BinaryOp.ADD, X1, W1), 1)))).isEqualTo("x₁ + w₁");
        }

        @Test
        void rewritesThatWouldChangeAValueAtSomeInputAreNotMade() {
            Expr plusZero = new Binary(BinaryOp.ADD, X1, new Constant(0));
            assertThat(Simplify.of(plusZero)).as("x + 0 turns -0 into 0").isEqualTo(plusZero);
            Expr timesZero = new Binary(BinaryOp.MUL, new Constant(0), X1);
            assertThat(Simplify.of(timesZero)).as("0·x is NaN at infinity and -0 below 0").isEqualTo(timesZero);
            for (double x : new double[] {Double.POSITIVE_INFINITY, Double.NaN, -1}) {
                assertThat(Double.compare(Backprop.value(Simplify.readable(timesZero), Bindings.of("x1", x)), 0.0 * x))
                        .as("readable 0·x at %s, bitwise", x).isZero();
            }
            Expr minusItself = new Binary(BinaryOp.SUB, new Unary(UnaryOp.SIN, X1), new Unary(UnaryOp.SIN, X1));
            assertThat(Simplify.of(minusItself)).as("x - x is NaN at NaN").isEqualTo(minusItself);
        }

        @Test
        void coefficientsFoldOnlyWhereTheFoldIsExact() {
            Variable x = new Variable("x");
            Expr tiny = Exprs.times(Exprs.times(Exprs.times(x, new Constant(1e-200)), new Constant(1e-200)), new Constant(1e300));
            assertThat(Backprop.value(Simplify.readable(tiny), Bindings.of("x", 1e200))).isEqualTo(1e100);
            Expr huge = new Binary(BinaryOp.DIV, Exprs.times(Exprs.times(x, new Constant(1e200)), new Constant(1e200)), new Constant(1e300));
            assertThat(Backprop.value(Simplify.readable(huge), Bindings.of("x", 1e-100))).isEqualTo(1.0);
            assertThat(Formula.unicode(Simplify.readable(huge))).doesNotContain("Infinity");
            Expr d = Simplify.readable(Symbolic.derivative(new Unary(UnaryOp.SIN, tiny), x));
            assertThat(Formula.unicode(d)).as("the cos factor survives").contains("cos(");
            Expr signed = new Unary(UnaryOp.SIGMOID, new Binary(BinaryOp.DIV, new Constant(1), new Binary(BinaryOp.DIV, new Constant(0), x)));
            assertThat(Backprop.value(Simplify.of(signed), Bindings.of("x", -1))).as("0/x keeps its sign at x = -1").isEqualTo(0.0);
            assertThat(Backprop.value(Simplify.readable(signed), Bindings.of("x", -1))).isEqualTo(0.0);
        }

        @Test
        void sumsOfProductsAreLeftAlone() {
            Expr e = new Binary(BinaryOp.ADD, new Binary(BinaryOp.MUL, X1, W1), new Binary(BinaryOp.MUL, X1, W2));
            assertThat(Formula.unicode(Simplify.of(e))).isEqualTo("x₁·w₁ + x₁·w₂");
        }

        @Test
        void matrixIdentities() {
            Variable a = new Variable("A", Shape.of(2, 3));
            assertThat(Simplify.of(new Transpose(new Transpose(a)))).isEqualTo(a);
            Expr scaled = new Binary(BinaryOp.MUL, a, new Broadcast(new Constant(1), Shape.of(2, 3)));
            assertThat(Simplify.of(scaled)).isEqualTo(a);
        }
    }

    @Nested
    class SecondOrder {
        static final Variable X = new Variable("x");
        static final Variable Y = new Variable("y");
        /** Rosenbrock: {@code (1 - x)^2 + 100 (y - x^2)^2}. */
        static final Expr ROSENBROCK = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SQUARE, new Binary(BinaryOp.SUB, new Constant(1), X)),
                new Binary(BinaryOp.MUL, new Constant(100), new Unary(UnaryOp.SQUARE, new Binary(BinaryOp.SUB, Y, new Unary(UnaryOp.SQUARE, X)))));

        @Test
        void theRosenbrockHessianAtItsMinimum() {
            RealMatrix h = Derivatives.hessian(ROSENBROCK, List.of(X, Y), Bindings.of("x", 1).and("y", 1));
            assertThat(h.getData()).isDeepEqualTo(new double[][] {{802, -400}, {-400, 200}});
        }

        @Test
        void hessianVectorProductsMatchTheHessian() {
            Bindings at = Bindings.of("x", -1.2).and("y", 1);
            RealMatrix h = Derivatives.hessian(ROSENBROCK, List.of(X, Y), at);
            double[] v = {0.3, -2};
            double[] hv = Derivatives.hessianVectorProduct(ROSENBROCK, List.of(X, Y), at, v).toArray();
            assertThat(hv).containsExactly(h.operate(v), within(1e-9));
        }

        @Test
        void resultsPrintInTheLibrarysFormInEveryLocale() {
            java.util.Locale before = java.util.Locale.getDefault();
            try {
                for (java.util.Locale l : List.of(java.util.Locale.US, java.util.Locale.GERMANY)) {
                    java.util.Locale.setDefault(l);
                    Bindings at = Bindings.of("x", 1).and("y", 1);
                    assertThat(Derivatives.hessian(ROSENBROCK, List.of(X, Y), at)).as(l.toString())
                            .hasToString("[[802, -400], [-400, 200]]");
                    assertThat(Derivatives.hessianVectorProduct(ROSENBROCK, List.of(X, Y), at, new double[] {2, 1}))
                            .as("not Commons Math's {1,204; -600}").hasToString("[1204, -600]");
                    assertThat(Derivatives.hessian(ROSENBROCK, List.of(X, Y), at).copy()).hasToString("[[802, -400], [-400, 200]]");
                }
            } finally {
                java.util.Locale.setDefault(before);
            }
        }

        @Test
        void theJacobianOfAVectorExpression() {
            Variable u = new Variable("u", Shape.vector(2));
            Expr y = new Unary(UnaryOp.SIN, new MatMul(new adjoint.expr.Leaf.MatrixConstant(
                    org.apache.commons.math3.linear.MatrixUtils.createRealMatrix(new double[][] {{1, 2}, {3, 4}, {5, 6}})), u));
            RealMatrix j = Derivatives.jacobian(y, List.of(u), Bindings.of("u", new double[] {0.1, 0.2}));
            assertThat(j.getRowDimension()).isEqualTo(3);
            assertThat(j.getColumnDimension()).isEqualTo(2);
            assertThat(j.getEntry(1, 0)).isCloseTo(3 * Math.cos(3 * 0.1 + 4 * 0.2), within(1e-15));
            assertThat(j.getEntry(2, 1)).isCloseTo(6 * Math.cos(5 * 0.1 + 6 * 0.2), within(1e-15));
        }

        @Test
        void thereMustBeVariables() {
            assertThatThrownBy(() -> Derivatives.hessian(ROSENBROCK, List.of(), Bindings.of("x", 1).and("y", 1)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("no variables to differentiate with respect to");
        }

        @Test
        void vectorVariablesHaveBlockHessians() {
            Variable v = new Variable("v", Shape.vector(2));
            Expr f = new Sum(Exprs.pow(v, 3));
            RealMatrix h = Derivatives.hessian(f, List.of(v), Bindings.of("v", new double[] {1, 2}));
            assertThat(h.getData()).isDeepEqualTo(new double[][] {{6, 0}, {0, 12}});
        }
    }
}
