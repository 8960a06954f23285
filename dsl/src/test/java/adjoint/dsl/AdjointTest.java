package adjoint.dsl;

import static adjoint.dsl.Adjoint.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.UnboundVariableException;
import adjoint.expr.ShapeMismatchException;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AdjointTest {

    final Scalar x1 = scalar("x1");
    final Scalar w1 = scalar("w1");
    final Scalar x2 = scalar("x2");
    final Scalar w2 = scalar("w2");

    @Nested
    class SeedProblems {
        @Test
        void theFirstSeedReadsLikeItsFormula() {
            Scalar f = inv(sin(x1.times(w1)).squared().plus(cos(x2.times(w2))).plus(2));
            Gradient g = f.gradientAt(x1, 1.0, w1, 2.0, x2, 3.0, w2, 4.0);
            assertThat(g.value()).isEqualTo(0.27242940071159427);
            assertThat(g.of(x1)).isCloseTo(0.11233639973639942, within(1e-16));
            assertThat(g.of(w1)).isCloseTo(0.05616819986819971, within(1e-16));
            assertThat(g.of(x2)).isCloseTo(-0.15929299963446267, within(1e-16));
            assertThat(g.of(w2)).isCloseTo(-0.11946974972584701, within(1e-16));
        }

        @Test
        void theSecondSeedReadsLikeItsFormula() {
            Matrix w = matrix("W", 3, 3);
            Matrix x = vector("x", 3);
            Scalar f = sum(sigmoid(w.times(x)).squared());
            CompiledFunction fast = f.compile(w, x);
            Gradient g = fast.gradientByPosition(MatrixUtils.createRealIdentityMatrix(3), new double[] {1, 2, 3});
            assertThat(g.value()).isCloseTo(2.2176476050544203, within(1e-15));
            RealMatrix gx = g.of(x);
            assertThat(gx.getColumn(0)).containsExactly(
                    new double[] {0.28746968091443026, 0.18495608645965972, 0.08606823439185537}, within(1e-16));
            assertThat(g.of(w).getRow(2)).containsExactly(
                    new double[] {0.08606823439185537, 2 * 0.08606823439185537, 3 * 0.08606823439185537}, within(1e-16));
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void scalarOperatorsBuildTheNamedOps() {
            Scalar y = x1.minus(2).times(3).div(x1.plus(1)).pow(2).negate();
            assertThat(y.valueAt(x1, 3.0)).isCloseTo(-Math.pow(3.0 / 4, 2), within(1e-15));
            assertThat(div(1, x1).valueAt(x1, 4.0)).isEqualTo(0.25);
            assertThat(minus(1, x1).valueAt(x1, 4.0)).isEqualTo(-3);
            assertThat(pow(x1, w1).valueAt(x1, 2.0, w1, 3.0)).isEqualTo(8);
            assertThat(x1.reciprocal().valueAt(x1, 4.0)).isEqualTo(0.25);
        }

        @Test
        void everyFunctionHasAScalarAndAMatrixForm() {
            Matrix a = matrix("A", 1, 2);
            double[][] av = {{0.3, 0.9}};
            java.util.List<java.util.function.Function<Scalar, Scalar>> scalarForms = java.util.List.of(
                    Adjoint::sin, Adjoint::cos, Adjoint::tan, Adjoint::exp, Adjoint::log, Adjoint::sqrt, Adjoint::square,
                    Adjoint::inv, Adjoint::tanh, Adjoint::sigmoid, Adjoint::relu, Adjoint::abs, Adjoint::softplus,
                    Adjoint::log1p, Adjoint::neg);
            java.util.List<java.util.function.Function<Matrix, Matrix>> matrixForms = java.util.List.of(
                    Adjoint::sin, Adjoint::cos, Adjoint::tan, Adjoint::exp, Adjoint::log, Adjoint::sqrt, Adjoint::square,
                    Adjoint::inv, Adjoint::tanh, Adjoint::sigmoid, Adjoint::relu, Adjoint::abs, Adjoint::softplus,
                    Adjoint::log1p, Adjoint::neg);
            for (int k = 0; k < scalarForms.size(); k++) {
                RealMatrix m = matrixForms.get(k).apply(a).valueAt(a, av);
                for (int j = 0; j < 2; j++) {
                    assertThat(m.getEntry(0, j)).isEqualTo(scalarForms.get(k).apply(x1).valueAt(x1, av[0][j]));
                }
            }
        }

        @Test
        void aScalarMeetsAMatrixInEveryEntry() {
            Matrix a = matrix("A", 2, 2);
            double[][] av = {{1, 2}, {3, 4}};
            assertThat(a.plus(x1).valueAt(a, av, x1, 10.0).getData()).isDeepEqualTo(new double[][] {{11, 12}, {13, 14}});
            assertThat(x1.plus(a).valueAt(a, av, x1, 10.0).getData()).isDeepEqualTo(new double[][] {{11, 12}, {13, 14}});
            assertThat(a.times(2).valueAt(a, av).getData()).isDeepEqualTo(new double[][] {{2, 4}, {6, 8}});
            assertThat(x1.times(a).valueAt(a, av, x1, -1.0).getData()).isDeepEqualTo(new double[][] {{-1, -2}, {-3, -4}});
            assertThat(a.minus(1).div(2).valueAt(a, av).getData()).isDeepEqualTo(new double[][] {{0, 0.5}, {1, 1.5}});
            Gradient g = sum(a.times(x1)).gradientAt(a, av, x1, 2.0);
            assertThat(g.of(x1)).isEqualTo(10);
            assertThat(g.of(a).getData()).isDeepEqualTo(new double[][] {{2, 2}, {2, 2}});
        }

        @Test
        void matrixOperatorsBuildTheNamedOps() {
            Matrix a = matrix("A", 2, 2);
            double[][] av = {{1, 2}, {3, 4}};
            assertThat(a.hadamard(a).valueAt(a, av).getData()).isDeepEqualTo(new double[][] {{1, 4}, {9, 16}});
            assertThat(a.times(a).valueAt(a, av).getData()).isDeepEqualTo(new double[][] {{7, 10}, {15, 22}});
            assertThat(a.transpose().valueAt(a, av).getData()).isDeepEqualTo(new double[][] {{1, 3}, {2, 4}});
            assertThat(trace(a).valueAt(a, av)).isEqualTo(5);
            assertThat(dot(a, identity(2)).valueAt(a, av)).isEqualTo(5);
            assertThat(normSquared(a).valueAt(a, av)).isEqualTo(30);
            assertThat(a.div(a).pow(3).valueAt(a, av).getData()).isDeepEqualTo(new double[][] {{1, 1}, {1, 1}});
            Matrix u = vector("u", 2);
            assertThat(u.transpose().times(constantVector(5, 6)).asScalar().valueAt(u, new double[] {1, 2})).isEqualTo(17);
        }
    }

    @Nested
    class LearningBlocks {
        @Test
        void extremeInputsGiveFiniteValuesAndGradients() {
            Matrix z = matrix("Z", 2, 3);
            Matrix y = constant(new double[][] {{1, 0, 0}, {0, 0, 1}});
            Scalar loss = softmaxCrossEntropy(z, y).plus(mean(logSigmoid(z)));
            Gradient g = loss.gradientAt(z, new double[][] {{1000, -1000, 0}, {-1000, 1000, 999}});
            assertThat(g.value()).isFinite();
            for (double[] row : g.of(z).getData()) {
                for (double v : row) {
                    assertThat(v).isFinite();
                }
            }
            assertThat(logSigmoid(x1).valueAt(x1, -1000.0)).isEqualTo(-1000);
            assertThat(logSigmoid(x1).gradientAt(x1, -1000.0).of(x1)).isEqualTo(1);
            assertThat(logSigmoid(x1).gradientAt(x1, 1000.0).of(x1)).isEqualTo(0);
        }

        @Test
        void aDenseLayerAddsItsBiasToEveryRow() {
            Matrix x = matrix("X", 4, 3);
            Matrix w = matrix("W", 3, 2);
            Matrix b = row("b", 2);
            Scalar loss = sum(tanh(x.times(w).plusRow(b)));
            double[][] xv = {{1, 0, -1}, {0.5, 2, 0}, {-1, -1, 1}, {0, 0.25, 0.5}};
            double[][] wv = {{0.1, -0.3}, {0.2, 0.4}, {-0.5, 0.6}};
            double[][] bv = {{0.05, -0.1}};
            Gradient g = loss.gradientAt(x, xv, w, wv, b, bv);
            for (int j = 0; j < 2; j++) {
                double expected = 0;
                for (double[] xi : xv) {
                    double z = xi[0] * wv[0][j] + xi[1] * wv[1][j] + xi[2] * wv[2][j] + bv[0][j];
                    expected += 1 - Math.tanh(z) * Math.tanh(z);
                }
                assertThat(g.of(b).getEntry(0, j)).isCloseTo(expected, within(1e-14));
            }
            assertThat(adjoint.check.GradientCheck.defaults().check(loss, at(x, xv, w, wv, b, bv)).passed()).isTrue();
            assertThatThrownBy(() -> x.times(w).plusRow(vector("c", 2))).hasMessageContaining("it is a column: transpose it");
        }

        @Test
        void crossEntropyAndMeanAgreeWithTheirDefinitions() {
            Matrix z = matrix("Z", 2, 2);
            double[][] zv = {{0.5, -1}, {2, 0.25}};
            Matrix y = constant(new double[][] {{0, 1}, {1, 0}});
            double expected = (Math.log(Math.exp(0.5) + Math.exp(-1)) + 1 + Math.log(Math.exp(2) + Math.exp(0.25)) - 2) / 2;
            assertThat(softmaxCrossEntropy(z, y).valueAt(z, zv)).isCloseTo(expected, within(1e-15));
            assertThat(mean(z).valueAt(z, zv)).isEqualTo(1.75 / 4);
            assertThat(adjoint.check.GradientCheck.defaults().check(softmaxCrossEntropy(z, y), at(z, zv)).passed()).isTrue();
            assertThat(logSumExpRows(z).valueAt(z, zv).getEntry(1, 0)).isCloseTo(Math.log(Math.exp(2) + Math.exp(0.25)), within(1e-15));
        }

        @Test
        void crossEntropyIsPyTorchsWithProbabilityTargetsOneHotSoftOrZero() {
            Matrix x = matrix("X", 1, 2);
            Matrix y = matrix("Y", 1, 2);
            double lse = Math.log(Math.exp(1) + Math.exp(2));
            // PyTorch 1.13, -(Y * log_softmax(X, 1)).sum(1).mean() at X = [[1, 2]], Y = [[0, 1]]: d/dY = [[1.3133, 0.3133]].
            Gradient one = softmaxCrossEntropy(x, y).gradientAt(x, new double[][] {{1, 2}}, y, new double[][] {{0, 1}});
            assertThat(one.value()).isCloseTo(lse - 2, within(1e-15));
            assertThat(one.toArray(y)).containsExactly(new double[] {lse - 1, lse - 2}, within(1e-15));
            assertThat(one.toArray(x)).containsExactly(new double[] {Math.exp(1) / Math.exp(lse), Math.exp(2) / Math.exp(lse) - 1}, within(1e-15));
            // A zero (padding) row adds nothing, but counts in n: PyTorch's 0.156631.
            Matrix x2 = matrix("X", 2, 2);
            Matrix y2 = matrix("Y", 2, 2);
            Gradient padded = softmaxCrossEntropy(x2, y2).gradientAt(x2, new double[][] {{1, 2}, {3, 4}}, y2, new double[][] {{0, 1}, {0, 0}});
            assertThat(padded.value()).isCloseTo((lse - 2) / 2, within(1e-15));
            assertThat(padded.toArray(x2)[2]).isZero();
            assertThat(padded.toArray(x2)[3]).isZero();
            // Soft targets (label smoothing 0.1): the sum of each target times its log-probability.
            Gradient soft = softmaxCrossEntropy(x, y).gradientAt(x, new double[][] {{1, 2}}, y, new double[][] {{0.05, 0.95}});
            assertThat(soft.value()).isCloseTo(-(0.05 * (1 - lse) + 0.95 * (2 - lse)), within(1e-15));
            assertThat(soft.toArray(x)).containsExactly(new double[] {Math.exp(1 - lse) - 0.05, Math.exp(2 - lse) - 0.95}, within(1e-15));
        }

        @Test
        void crossEntropyOfTwoShapesNamesBoth() {
            assertThatThrownBy(() -> softmaxCrossEntropy(matrix("Z", 4, 2), matrix("Y", 4, 3)))
                    .isInstanceOf(adjoint.expr.ShapeMismatchException.class)
                    .hasMessageStartingWith("softmax_cross_entropy: logits are 4x2 but targets are 4x3");
        }
    }

    @Nested
    class Checking {
        @Test
        void aUserChecksTheirOwnExpressionInFiveLines() {
            Scalar x = scalar("x"), w = scalar("w");
            Scalar f = log(sigmoid(x.times(w))).plus(tanh(w));
            adjoint.check.CheckReport report = adjoint.check.GradientCheck.defaults().check(f, at(x, 0.3, w, 2.0));
            assertThat(report.passed()).isTrue();
            assertThat(report.render()).startsWith("gradient check: PASSED (2 entries");
        }
    }

    @Nested
    class Errors {
        @Test
        void shapeMistakesFailWhenBuilt() {
            Matrix w = matrix("W", 3, 2);
            Matrix x = vector("x", 3);
            assertThatThrownBy(() -> w.times(x))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("matmul: 3x2 times 3x1");
            assertThat(w.plus(x).shape()).as("a column of the height repeats into each column").isEqualTo(adjoint.expr.Shape.of(3, 2));
            assertThatThrownBy(() -> matrix("V", 2, 3).plus(x)).isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("add: 2x3 and 3x1 differ");
            assertThatThrownBy(() -> w.asScalar())
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("a Scalar needs a 1x1 expression, got 3x2");
        }

        @Test
        void pairsMustBeVariablesAndValues() {
            assertThatThrownBy(() -> x1.gradientAt(x1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected pairs of a variable and its value, got 1 arguments");
            assertThatThrownBy(() -> x1.gradientAt("x1", 1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument 0 should be a variable, got String x1");
            assertThatThrownBy(() -> x1.gradientAt(sin(x1), 1.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("argument 0 should be a variable, got Scalar sin(x1)");
            assertThatThrownBy(() -> x1.gradientAt(x1, "one"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("argument 1, the value of x1, should be a Number");
        }

        @Test
        void nullOperandsAreNamed() {
            Matrix a = matrix("A", 2, 2);
            java.util.List<org.assertj.core.api.ThrowableAssert.ThrowingCallable> calls = java.util.List.of(
                    () -> x1.plus((Scalar) null), () -> x1.times((Matrix) null), () -> a.times((Matrix) null),
                    () -> a.plus((Scalar) null), () -> sin((Scalar) null), () -> sigmoid((Matrix) null),
                    () -> sum(null), () -> pow((Scalar) null, 2), () -> div(1, null), () -> dot(a, null));
            for (var call : calls) {
                assertThatThrownBy(call).isInstanceOf(NullPointerException.class).hasMessage("operand is null");
            }
        }

        @Test
        void badValuesAtABindingAreNamedOnTheAtPathToo() {
            Matrix w = matrix("W", 3, 2);
            Scalar f = sum(w);
            assertThatThrownBy(() -> f.gradientAt(w, new double[][] {{1, 2}, {3}, {4, 5}}))
                    .isInstanceOf(adjoint.eval.BindingException.class)
                    .hasMessage("the value for W has rows of different lengths: row 0 has 2, row 1 has 1");
            assertThatThrownBy(() -> f.gradientAt(w, new double[0][]))
                    .isInstanceOf(adjoint.eval.BindingException.class).hasMessage("the value for W has no rows");
            assertThatThrownBy(() -> f.gradientAt(w, new double[][] {{1, 2}, null, {4, 5}}))
                    .isInstanceOf(adjoint.eval.BindingException.class).hasMessage("the value for W has a null row 1");
            assertThatThrownBy(() -> x1.times(2).gradientAt(x1, 1.0, x1, 5.0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("argument 2: variable x1 is given twice");
        }

        @Test
        void anUnboundVariableIsNamed() {
            assertThatThrownBy(() -> x1.times(w1).gradientAt(x1, 1.0))
                    .isInstanceOf(UnboundVariableException.class)
                    .hasMessageStartingWith("unbound variable w1");
        }
    }
}
