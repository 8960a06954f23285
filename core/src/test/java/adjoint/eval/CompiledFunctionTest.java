package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Broadcast;
import adjoint.expr.MatMul;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Unary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CompiledFunctionTest {

    static final Variable W = new Variable("W", Shape.of(3, 2));
    static final Variable V = new Variable("v", Shape.vector(2));
    static final Variable C = new Variable("c");

    /** {@code sum(tanh(W v) * c) + c^2}. */
    static final Expr F = new Binary(BinaryOp.ADD, 
            new Sum(new Binary(BinaryOp.MUL, new Unary(UnaryOp.TANH, new MatMul(W, V)), new Broadcast(C, Shape.vector(3)))),
            new Unary(UnaryOp.SQUARE, C));

    static Bindings randomPoint(Random r) {
        double[][] w = new double[3][2];
        for (double[] row : w) {
            row[0] = r.nextGaussian();
            row[1] = r.nextGaussian();
        }
        return Bindings.of("W", w).and("v", new double[] {r.nextGaussian(), r.nextGaussian()}).and("c", r.nextGaussian());
    }

    static void assertSame(Gradient a, Gradient b) {
        assertThat(a.value()).isEqualTo(b.value());
        assertThat(a.variables()).isEqualTo(b.variables());
        for (String n : a.variables()) {
            assertThat(a.matrix(n).getData()).isDeepEqualTo(b.matrix(n).getData());
        }
    }

    @Nested
    class Reuse {
        @Test
        void aCompiledFunctionReusedAtManyPointsEqualsOneShot() {
            CompiledFunction f = Backprop.compile(F, W, V, C);
            Random r = new Random(1);
            for (int i = 0; i < 200; i++) {
                Bindings at = randomPoint(r);
                assertSame(f.gradient(at), Backprop.gradient(F, at));
                assertThat(f.value(at)).isEqualTo(Backprop.value(F, at));
            }
        }

        @Test
        void positionalValuesFollowTheParameterOrder() {
            CompiledFunction f = Backprop.compile(F, C, V, W);
            double[][] w = {{1, 2}, {3, 4}, {5, 6}};
            Gradient g = f.gradientByPosition(0.5, new double[] {0.1, -0.2}, MatrixUtils.createRealMatrix(w));
            assertSame(g, Backprop.compile(F, C, V, W).gradient(Bindings.of("W", w).and("v", new double[] {0.1, -0.2}).and("c", 0.5)));
            assertThat(g.variables()).containsExactly("c", "v", "W");
            assertThat(f.valueByPosition(0.5, new double[] {0.1, -0.2}, w)).isEqualTo(g.value());
        }

        @Test
        void aFlatPointGivesTheSameGradientLaidOutRowByRow() {
            CompiledFunction f = Backprop.compile(F, W, V, C);
            Bindings at = randomPoint(new Random(3));
            Gradient g = f.gradient(at);
            double[] point = new double[f.dimension()];
            double[][] w = at.get("W").get().getData();
            double[] v = at.get("v").get().getColumn(0);
            for (int i = 0; i < 3; i++) {
                System.arraycopy(w[i], 0, point, 2 * i, 2);
            }
            System.arraycopy(v, 0, point, 6, 2);
            point[8] = at.get("c").get().getEntry(0, 0);
            double[] grad = new double[f.dimension()];
            assertThat(f.valueAndGradient(point, grad)).isEqualTo(g.value());
            assertThat(f.value(point)).isEqualTo(g.value());
            double[][] gw = g.matrix("W").getData();
            assertThat(grad).containsExactly(gw[0][0], gw[0][1], gw[1][0], gw[1][1], gw[2][0], gw[2][1],
                    g.matrix("v").getEntry(0, 0), g.matrix("v").getEntry(1, 0), g.scalar("c"));
        }

        @Test
        void aParameterTheExpressionDoesNotUseHasZeroGradient() {
            Variable unused = new Variable("u", Shape.vector(2));
            Gradient g = Backprop.compile(F, W, V, C, unused).gradient(randomPoint(new Random(4)));
            assertThat(g.matrix("u").getData()).isDeepEqualTo(new double[][] {{0}, {0}});
        }

        @Test
        void positionalValuesAreReadNotKeptOrChanged() {
            CompiledFunction f = Backprop.compile(F, W, V, C);
            double[][] w = {{1, 2}, {3, 4}, {5, 6}};
            RealMatrix wm = MatrixUtils.createRealMatrix(w);
            Gradient g = f.gradientByPosition(wm, new double[] {0.5, -1}, 2.0);
            assertThat(wm.getData()).isDeepEqualTo(w);
            wm.setEntry(0, 0, 100);
            assertThat(g.value()).isEqualTo(f.gradientByPosition(w, new double[] {0.5, -1}, 2.0).value());
        }

        @Test
        void resultsCannotBeChangedFromOutside() {
            CompiledFunction f = Backprop.compile(F, W, V, C);
            Gradient g = f.gradient(randomPoint(new Random(5)));
            RealMatrix gw = g.matrix("W");
            double before = gw.getEntry(0, 0);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> gw.setEntry(0, 0, 1e9))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("read-only");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> gw.walkInRowOrder(new org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor()))
                    .isInstanceOf(UnsupportedOperationException.class);
            ((org.apache.commons.math3.linear.Array2DRowRealMatrix) gw).getDataRef()[0][0] = 1e9;
            RealMatrix mine = gw.copy();
            mine.setEntry(0, 0, 1e9);
            assertThat(g.matrix("W").getEntry(0, 0)).isEqualTo(before);
            assertThat(mine.getEntry(0, 0)).isEqualTo(1e9);
        }

        @Test
        void eightThreadsOfTenThousandGradientsEachGiveExactlyTheSequentialResults() throws Exception {
            CompiledFunction f = Backprop.compile(F, W, V, C);
            int threads = 8;
            int perThread = 10_000;
            List<List<Gradient>> sequential = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Random r = new Random(t);
                List<Gradient> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(f.gradient(randomPoint(r)));
                }
                sequential.add(mine);
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<Gradient>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int seed = t;
                    futures.add(pool.submit(() -> {
                        Random r = new Random(seed);
                        List<Gradient> mine = new ArrayList<>();
                        for (int i = 0; i < perThread; i++) {
                            mine.add(f.gradient(randomPoint(r)));
                        }
                        return mine;
                    }));
                }
                for (int t = 0; t < threads; t++) {
                    List<Gradient> parallel = futures.get(t).get();
                    assertThat(parallel).hasSize(perThread);
                    for (int i = 0; i < perThread; i++) {
                        assertSame(parallel.get(i), sequential.get(t).get(i));
                    }
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    @Nested
    class Errors {
        @Test
        void anUnboundVariableIsNamed() {
            assertThatThrownBy(() -> Backprop.gradient(F, Bindings.of("c", 1).and("v", new double[] {1, 2})))
                    .isInstanceOf(UnboundVariableException.class)
                    .hasMessageStartingWith("unbound variable W (3x2)");
        }

        @Test
        void aValueOfTheWrongShapeNamesTheVariableAndBothShapes() {
            assertThatThrownBy(() -> Backprop.gradient(F, Bindings.of("c", 1).and("v", new double[] {1, 2, 3})
                            .and("W", new double[3][2])))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("variable v is 2x1 but its value is 3x1");
        }

        @Test
        void twoVariablesOfOneNameMustHaveOneShape() {
            Expr e = new Binary(BinaryOp.ADD, new Sum(new Variable("x", Shape.vector(2))), new Variable("x"));
            assertThatThrownBy(() -> Backprop.compile(e))
                    .isInstanceOf(VariableConflictException.class)
                    .hasMessageContaining("variable x is used with two shapes")
                    .hasMessageContaining("2x1").hasMessageContaining("1x1");
        }

        @Test
        void aGradientNeedsAScalarExpression() {
            assertThatThrownBy(() -> Backprop.gradient(new MatMul(W, V), Bindings.empty()))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("gradient: the expression is 3x1, not a scalar");
        }

        @Test
        void parametersMustBeVariablesCoveringTheExpression() {
            assertThatThrownBy(() -> Backprop.compile(F, W, V))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variable c of the expression is not among the parameters [W, v]");
            assertThatThrownBy(() -> Backprop.compile(F, W, V, new Unary(UnaryOp.SIN, C)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 2 is not a variable: sin(c)");
            assertThatThrownBy(() -> Backprop.compile(F, W, V, C, C))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("given twice");
            assertThatThrownBy(() -> Backprop.compile(F, W, V, new Variable("c", Shape.vector(2))))
                    .isInstanceOf(VariableConflictException.class)
                    .hasMessage("variable c is 1x1 in the expression but 2x1 as a parameter");
        }

        @Test
        void positionalValuesAreCountedAndTyped() {
            CompiledFunction f = Backprop.compile(F, W, V, C);
            assertThatThrownBy(() -> f.gradientByPosition(1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("this function takes 3 values, for W, v, c; got 1");
            assertThatThrownBy(() -> f.gradientByPosition(new double[3][2], "two", 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessageContaining("the value for v is a String");
            assertThatThrownBy(() -> f.gradientByPosition(new double[3][2], null, 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("the value for v is null");
            assertThatThrownBy(() -> f.gradientByPosition(new double[][] {{1, 2}, {3}, {4, 5}}, new double[2], 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("the value for W has rows of different lengths: row 0 has 2, row 1 has 1");
            assertThatThrownBy(() -> f.gradientByPosition(new double[0][0], new double[2], 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("the value for W has no rows");
            assertThatThrownBy(() -> f.gradientByPosition(new double[][] {{1, 2}, null, {4, 5}}, new double[2], 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("the value for W has a null row 1");
            assertThatThrownBy(() -> f.gradientByPosition(new double[3][2], new double[0], 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("the value for v has no entries");
            assertThatThrownBy(() -> f.gradientByPosition(new double[2][3], new double[2], 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessage("variable W is 3x2 but its value is 2x3");
            assertThatThrownBy(() -> f.valueAndGradient(new double[2], new double[9]))
                    .isInstanceOf(BindingException.class)
                    .hasMessageContaining("has 9 entries");
            assertThatThrownBy(() -> f.valueAndGradient(new double[9], new double[2]))
                    .isInstanceOf(BindingException.class)
                    .hasMessageContaining("a flat gradient of this function has 9 entries");
        }

        @Test
        void askingForAnUnknownOrMisshapenGradientIsExplained() {
            Gradient g = Backprop.gradient(F, randomPoint(new Random(2)));
            assertThatThrownBy(() -> g.scalar("q"))
                    .isInstanceOf(UnknownVariableException.class)
                    .hasMessage("no variable q in this gradient; its variables are W, v, c");
            assertThatThrownBy(() -> g.scalar("W"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("variable W is 3x2, not a scalar");
        }

        @Test
        void nullsAreNamed() {
            assertThatThrownBy(() -> Backprop.gradient(null, Bindings.empty()))
                    .isInstanceOf(NullPointerException.class).hasMessage("expression is null");
            assertThatThrownBy(() -> Backprop.gradient(F, null))
                    .isInstanceOf(NullPointerException.class).hasMessage("bindings is null");
            assertThatThrownBy(() -> Bindings.of(null, 1.0))
                    .isInstanceOf(NullPointerException.class).hasMessage("name is null");
            assertThatThrownBy(() -> CompiledFunction.of(F, Arrays.asList(new Variable("x"), null)))
                    .isInstanceOf(NullPointerException.class).hasMessage("parameter 1 is null");
        }

        @Test
        void aOneByOneMatrixConstantInAnAllScalarExpressionIsAScalar() {
            Expr e = new Binary(BinaryOp.ADD, new Sum(new adjoint.expr.Leaf.MatrixConstant(MatrixUtils.createRealMatrix(new double[][] {{2}}))), C);
            assertThat(Backprop.gradient(e, Bindings.of("c", 1)).value()).isEqualTo(3);
        }

        @Test
        void nanAndInfinityMayBeBound() {
            Gradient g = Backprop.gradient(new Binary(BinaryOp.MUL, C, new Constant(2)), Bindings.of("c", Double.NaN));
            assertThat(g.value()).isNaN();
            assertThat(g.scalar("c")).isEqualTo(2);
            assertThat(Backprop.value(new Unary(UnaryOp.EXP, C), Bindings.of("c", Double.NEGATIVE_INFINITY))).isZero();
        }
    }
}
