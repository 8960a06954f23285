package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adjoint.DefaultStack;
import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The three traps of the design: depth, sharing, identity. */
class TrapsTest {

    static final Variable X = new Variable("x");

    @Nested
    class Depth {
        @Test
        void aMillionDeepChainEvaluatesAndDifferentiatesOnTheDefaultStack() throws Throwable {
            int n = 1_000_000;
            Gradient g = DefaultStack.run(() -> {
                Expr e = X;
                for (int i = 0; i < n; i++) {
                    e = i % 2 == 0 ? new Unary(UnaryOp.SIN, e) : new Binary(BinaryOp.MUL, e, new Constant(1.5));
                }
                return Backprop.gradient(e, Bindings.of("x", 0.3));
            });
            double v = 0.3;
            double d = 1;
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    d *= Math.cos(v);
                    v = Math.sin(v);
                } else {
                    d *= 1.5;
                    v *= 1.5;
                }
            }
            assertThat(g.value()).isEqualTo(v);
            assertThat(g.scalar("x")).isCloseTo(d, within(1e-9 * Math.abs(d)));
        }

        @Test
        void aMillionDeepMatrixChainDifferentiates() throws Throwable {
            Variable a = new Variable("A", Shape.of(2, 2));
            Gradient g = DefaultStack.run(() -> {
                Expr e = a;
                for (int i = 0; i < 1_000_000; i++) {
                    e = new Unary(UnaryOp.NEG, e);
                }
                return Backprop.gradient(new Sum(e), Bindings.of("A", new double[][] {{1, 2}, {3, 4}}));
            });
            assertThat(g.value()).isEqualTo(10);
            assertThat(g.matrix("A").getData()).isDeepEqualTo(new double[][] {{1, 1}, {1, 1}});
        }
    }

    @Nested
    class Sharing {
        @Test
        void aHundredLevelDoublingHasOneHundredAndOneNodesAndGradientTwoToTheHundred() {
            Expr e = X;
            for (int i = 0; i < 100; i++) {
                e = new Binary(BinaryOp.ADD, e, e);
            }
            Expr root = e;
            CompiledFunction f = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> Backprop.compile(root));
            Gradient g = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> f.gradient(Bindings.of("x", 3)));
            assertThat(f.nodeCount()).isEqualTo(101);
            assertThat(g.scalar("x")).isEqualTo(Math.pow(2, 100));
            assertThat(g.value()).isEqualTo(3 * Math.pow(2, 100));
        }

        @Test
        void aNodeUsedAHundredTimesIsComputedOnceAndAccumulates() {
            Expr s = new Unary(UnaryOp.SIN, X);
            Expr e = s;
            for (int i = 1; i < 100; i++) {
                e = new Binary(BinaryOp.ADD, e, s);
            }
            CompiledFunction f = Backprop.compile(e);
            Gradient g = f.gradient(Bindings.of("x", 0.4));
            assertThat(f.nodeCount()).isEqualTo(2 + 99);
            assertThat(g.value()).isCloseTo(100 * Math.sin(0.4), within(1e-12));
            assertThat(g.scalar("x")).isCloseTo(100 * Math.cos(0.4), within(1e-12));
        }

        @Test
        void aVariableUsedInManyPlacesAccumulatesItsGradient() {
            Expr e = new Constant(0);
            double expected = 0;
            for (int i = 1; i <= 50; i++) {
                e = new Binary(BinaryOp.ADD, e, new Binary(BinaryOp.MUL, new Constant(i), new Unary(UnaryOp.SQUARE, new Variable("x"))));
                expected += 2 * i * 1.5;
            }
            assertThat(Backprop.gradient(e, Bindings.of("x", 1.5)).scalar("x")).isCloseTo(expected, within(1e-9));
        }

        @Test
        void aSharedMatrixNodeAccumulatesEveryUse() {
            Variable a = new Variable("A", Shape.of(2, 2));
            Expr sq = new Unary(UnaryOp.SQUARE, a);
            Expr e = new Sum(new Binary(BinaryOp.ADD, sq, new Binary(BinaryOp.MUL, sq, sq)));
            Gradient g = Backprop.gradient(e, Bindings.of("A", new double[][] {{1, 2}, {3, 4}}));
            double[][] expected = new double[2][2];
            double[][] av = {{1, 2}, {3, 4}};
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 2; j++) {
                    double x = av[i][j];
                    expected[i][j] = 2 * x + 4 * x * x * x;
                }
            }
            assertThat(g.matrix("A").getData()).isDeepEqualTo(expected);
        }
    }

    @Nested
    class Identity {
        @Test
        void equalButDistinctSubtreesAreDistinctNodes() {
            Expr a = new Unary(UnaryOp.SIN, X);
            Expr b = new Unary(UnaryOp.SIN, new Variable("x"));
            assertThat(a).isEqualTo(b);
            assertThat(Backprop.compile(new Binary(BinaryOp.ADD, a, b)).nodeCount()).isEqualTo(4);
        }

        @Test
        void variablesAreIdentifiedByName() {
            Expr e = new Binary(BinaryOp.MUL, new Variable("x"), new Variable("x"));
            Gradient g = Backprop.gradient(e, Bindings.of("x", 3));
            assertThat(g.variables()).containsExactly("x");
            assertThat(g.scalar("x")).isEqualTo(6);
            assertThat(Backprop.compile(e).nodeCount()).isEqualTo(2);
        }
    }
}
