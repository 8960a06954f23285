package adjoint.dsl;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.cos;
import static adjoint.dsl.Adjoint.inv;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.relu;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.sin;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.dsl.Adjoint.vector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.check.CheckReport;
import adjoint.eval.BindingException;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.ValueAndJacobian;
import adjoint.expr.ShapeMismatchException;
import adjoint.fixtures.Fixtures.Cube;
import adjoint.show.Trace;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The verbs on {@link Scalar}, {@link Matrix}, {@link CompiledFunction} and {@link Gradient}, one name with one meaning. */
class VerbsTest {

    static final Scalar X1 = scalar("x1");
    static final Scalar W1 = scalar("w1");
    static final Scalar X2 = scalar("x2");
    static final Scalar W2 = scalar("w2");
    static final Scalar SEED = inv(sin(X1.times(W1)).squared().plus(cos(X2.times(W2))).plus(2));
    static final Bindings SEED_POINT = at(X1, 1.0, W1, 2.0, X2, 3.0, W2, 4.0);

    @Nested
    class CompiledFunctions {

        @Test
        void gradientAtTakesPairsEverywhere() {
            CompiledFunction f = SEED.compile(W2, X2, W1, X1);
            Gradient compiled = f.gradientAt(X1, 1.0, W1, 2.0, X2, 3.0, W2, 4.0);
            Gradient oneShot = SEED.gradientAt(X1, 1.0, W1, 2.0, X2, 3.0, W2, 4.0);
            assertThat(compiled.toArray()).containsExactly(oneShot.toArray(W2)[0], oneShot.toArray(X2)[0],
                    oneShot.toArray(W1)[0], oneShot.toArray(X1)[0]);
            assertThat(f.valueAt(X1, 1.0, W1, 2.0, X2, 3.0, W2, 4.0)).isEqualTo(oneShot.value());
        }

        @Test
        void byPositionFollowsTheParameterOrder() {
            CompiledFunction f = SEED.compile(W2, X2, W1, X1);
            Gradient g = f.gradientByPosition(4.0, 3.0, 2.0, 1.0);
            assertThat(g.value()).isEqualTo(SEED.valueAt(X1, 1.0, W1, 2.0, X2, 3.0, W2, 4.0));
            assertThat(f.valueByPosition(4.0, 3.0, 2.0, 1.0)).isEqualTo(g.value());
            assertThat(g.of(X1)).isEqualTo(SEED.gradient(SEED_POINT).of(X1));
        }

        @Test
        void pairsGivenByPositionAreNamedAsTheMistake() {
            CompiledFunction f = X1.times(W1).compile(X1, W1);
            assertThatThrownBy(() -> f.gradientByPosition(X1, 1.0))
                    .isInstanceOf(BindingException.class)
                    .hasMessageContaining("value 0 is x1, not a value for x1")
                    .hasMessageContaining("pairs to gradientAt");
            assertThatThrownBy(() -> f.gradientAt(1.0, 2.0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("argument 0 should be a variable");
        }

        @Test
        void compileWithoutParametersTakesTheExpressionsOwnVariables() {
            CompiledFunction f = SEED.compile();
            assertThat(f.parameters()).extracting(v -> v.name()).containsExactly("x1", "w1", "x2", "w2");
            assertThat(f.gradient(SEED_POINT).toArray()).containsExactly(SEED.gradient(SEED_POINT).toArray());
            assertThat(sum(matrix("W", 2, 2)).compile().dimension()).isEqualTo(4);
        }

        @Test
        void valueAndJacobianIsARecordOfArrays() {
            Matrix x = vector("x", 2);
            CompiledFunction f = x.hadamard(x).compile();
            ValueAndJacobian vj = f.valueAndJacobian(new double[] {3, 5});
            assertThat(vj.value()).containsExactly(9, 25);
            assertThat(vj.jacobian()).isDeepEqualTo(new double[][] {{6, 0}, {0, 10}});
        }
    }

    @Nested
    class Gradients {

        final Matrix w = matrix("W", 2, 2);
        final Matrix x = vector("x", 2);
        final Scalar y = scalar("y");
        final Scalar f = sum(w.times(x)).squared().plus(y);
        final Gradient g = f.gradientAt(w, new double[][] {{1, 2}, {3, 4}}, x, new double[] {1, 2}, y, 3.0);

        @Test
        void readsLikeTheCommandLine() {
            assertThat(g.toString()).isEqualTo(String.join(System.lineSeparator(),
                    "value 259", "d/dW [[32, 64], [32, 64]]", "d/dx [128, 192]", "d/dy 1"));
            assertThat(g.of(w)).hasToString("[[32, 64], [32, 64]]");
        }

        @Test
        void givesFlatAndShapedArraysThatAreTheCallersOwn() {
            assertThat(g.toArray()).containsExactly(32, 64, 32, 64, 128, 192, 1);
            assertThat(g.toArray(x)).containsExactly(128, 192);
            double[][] rows = g.rows(w);
            assertThat(rows).isDeepEqualTo(new double[][] {{32, 64}, {32, 64}});
            rows[0][0] = -1;
            g.toArray(w)[0] = -1;
            assertThat(g.of(w).getEntry(0, 0)).isEqualTo(32);
            assertThat(g.toArray(y)).containsExactly(1);
        }

        @Test
        void theFlatArrayIsTheCompiledFunctionsLayout() {
            CompiledFunction c = f.compile();
            double[] out = new double[c.dimension()];
            c.valueAndGradient(new double[] {1, 2, 3, 4, 1, 2, 3}, out);
            assertThat(out).containsExactly(g.toArray());
        }
    }

    @Nested
    class ScalarVerbs {

        @Test
        void derivativeIsAScalarThatDifferentiatesAgain() {
            Scalar x = scalar("x");
            Scalar f = sin(x).times(x);
            Scalar d2 = f.derivative(x).derivative(x);
            double at = 0.7;
            assertThat(d2.valueAt(x, at)).isCloseTo(2 * Math.cos(at) - at * Math.sin(at), within(1e-15));
            assertThat(f.derivative(scalar("unused")).valueAt(x, at)).isZero();
        }

        @Test
        void derivativeWithRespectToAMatrixIsAMatrixOfItsShape() {
            Matrix w = matrix("W", 2, 3);
            Matrix d = sum(w.squared()).derivative(w);
            assertThat(d.shape()).isEqualTo(w.shape());
            assertThat(d.valueAt(w, new double[][] {{1, 2, 3}, {4, 5, 6}}).getData())
                    .isDeepEqualTo(new double[][] {{2, 4, 6}, {8, 10, 12}});
        }

        @Test
        void traceFormulaGraphAndCheckNeedNoExpr() {
            Trace t = SEED.trace(SEED_POINT);
            assertThat(t.rows().get(0).value().getEntry(0, 0)).isCloseTo(0.2724295, within(1e-7));
            assertThat(SEED.formula()).isEqualTo("1/(sin²(x₁·w₁) + cos(x₂·w₂) + 2)");
            assertThat(SEED.latex()).startsWith("\\frac{1}{");
            assertThat(SEED.graph(SEED_POINT)).startsWith("digraph").contains("x1");
            CheckReport r = SEED.check(SEED_POINT);
            assertThat(r.passed()).isTrue();
            assertThat(r.entries()).hasSize(4);
            assertThat(SEED.tape(SEED_POINT).size()).as("every node has a row but the constant 2, written into its user's")
                    .isEqualTo(t.rows().size() + 1);
        }

        @Test
        void applyTakesACustomOpsConstructor() {
            Scalar x = scalar("x");
            Scalar y = x.apply(Cube::new);
            assertThat(y.valueAt(x, 2.0)).isEqualTo(8);
            assertThat(y.gradientAt(x, 2.0).of(x)).isEqualTo(12);
            assertThat(matrix("A", 1, 2).apply(Cube::new).valueAt(matrix("A", 1, 2), new double[][] {{2, 3}}).getData())
                    .isDeepEqualTo(new double[][] {{8, 27}});
            assertThatThrownBy(() -> x.apply(e -> new Cube(matrix("A", 2, 2).expr())))
                    .isInstanceOf(ShapeMismatchException.class);
            assertThat(relu(x).formula()).isEqualTo("relu(x)");
            assertThat(y.derivative(x).valueAt(x, 2.0)).isEqualTo(12);
        }
    }
}
