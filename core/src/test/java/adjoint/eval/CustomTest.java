package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.CustomOpException;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.fixtures.Fixtures.Cube;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CustomTest {

    static final Variable X = new Variable("x");


    /** {@code a b^T}: the outer product of two vectors, a general custom op. */
    record Outer(Expr a, Expr b) implements Custom {
        @Override
        public String op() {
            return "outer";
        }

        @Override
        public Shape shape() {
            return Shape.of(a.shape().rows(), b.shape().rows());
        }

        @Override
        public List<Expr> inputs() {
            return List.of(a, b);
        }

        @Override
        public RealMatrix forward(List<RealMatrix> in) {
            return in.get(0).multiply(in.get(1).transpose());
        }

        @Override
        public List<RealMatrix> pullback(List<RealMatrix> in, RealMatrix out, RealMatrix g) {
            return List.of(g.multiply(in.get(1)), g.transpose().multiply(in.get(0)));
        }
    }

    /** An op whose pullback misbehaves as told. */
    record Faulty(Expr a, BiFunction<RealMatrix, RealMatrix, List<RealMatrix>> pull, boolean badForward) implements Custom {
        @Override
        public String op() {
            return "faulty";
        }

        @Override
        public Shape shape() {
            return a.shape();
        }

        @Override
        public List<Expr> inputs() {
            return List.of(a);
        }

        @Override
        public RealMatrix forward(List<RealMatrix> in) {
            return badForward ? in.get(0).transpose() : in.get(0);
        }

        @Override
        public List<RealMatrix> pullback(List<RealMatrix> in, RealMatrix out, RealMatrix g) {
            return pull.apply(in.get(0), g);
        }
    }

    @Nested
    class Working {
        @Test
        void anElementwiseOpNeedsOnlyItsFunctionAndDerivative() {
            Gradient g = Backprop.gradient(new Binary(BinaryOp.MUL, new Cube(X), X), Bindings.of("x", 2));
            assertThat(g.value()).isEqualTo(16);
            assertThat(g.scalar("x")).isEqualTo(32);
        }

        @Test
        void anElementwiseOpWorksOnMatrices() {
            Variable a = new Variable("A", Shape.of(2, 2));
            Gradient g = Backprop.gradient(new Sum(new Cube(a)), Bindings.of("A", new double[][] {{1, 2}, {3, 4}}));
            assertThat(g.value()).isEqualTo(1 + 8 + 27 + 64);
            assertThat(g.matrix("A").getData()).isDeepEqualTo(new double[][] {{3, 12}, {27, 48}});
        }

        @Test
        void aGeneralOpGetsItsInputsAndPassesGradientsBack() {
            Variable u = new Variable("u", Shape.vector(2));
            Variable v = new Variable("v", Shape.vector(3));
            Expr e = new Sum(new Unary(UnaryOp.SQUARE, new Outer(u, v)));
            Gradient g = Backprop.gradient(e, Bindings.of("u", new double[] {1, 2}).and("v", new double[] {3, 4, 5}));
            assertThat(g.value()).isCloseTo(5.0 * 50.0, within(1e-12));
            assertThat(g.matrix("u").getColumn(0)).containsExactly(2 * 1 * 50.0, 2 * 2 * 50.0);
            assertThat(g.matrix("v").getColumn(0)).containsExactly(2 * 3 * 5.0, 2 * 4 * 5.0, 2 * 5 * 5.0);
        }

        @Test
        void customOpsCompareByNameAndInputs() {
            assertThat(new Cube(X)).isEqualTo(new Cube(new Variable("x")));
            assertThat(new Cube(X)).isNotEqualTo(new Cube(new Variable("y")));
            assertThat(new Binary(BinaryOp.ADD, new Cube(X), X).toString()).isEqualTo("add(cube(x), x)");
        }

        @Test
        void anOpThatReturnsAnInputForBothGradientsDoesNotAlias() {
            Variable a = new Variable("A", Shape.of(1, 2));
            Expr id = new Faulty(a, (x, g) -> List.of(g), false);
            Expr e = new Sum(new Binary(BinaryOp.ADD, id, new Binary(BinaryOp.MUL, id, id)));
            Gradient g = Backprop.gradient(e, Bindings.of("A", new double[][] {{1, 2}}));
            assertThat(g.matrix("A").getData()).isDeepEqualTo(new double[][] {{3, 5}});
        }
    }

    @Nested
    class Broken {
        final Variable a = new Variable("A", Shape.of(2, 3));
        final Bindings at = Bindings.of("A", new double[2][3]);

        Gradient run(Custom op) {
            return Backprop.gradient(new Sum(op), at);
        }

        @Test
        void aForwardValueOfTheWrongShapeNamesTheOp() {
            assertThatThrownBy(() -> run(new Faulty(a, (x, g) -> List.of(g), true)))
                    .isInstanceOf(CustomOpException.class)
                    .hasMessage("faulty: forward returned a 3x2 matrix, expected 2x3");
        }

        @Test
        void aPullbackWithTheWrongCountNamesTheOp() {
            assertThatThrownBy(() -> run(new Faulty(a, (x, g) -> List.of(g, g), false)))
                    .isInstanceOf(CustomOpException.class)
                    .hasMessage("faulty: pullback returned 2 gradients for 1 inputs");
            assertThatThrownBy(() -> run(new Faulty(a, (x, g) -> null, false)))
                    .isInstanceOf(CustomOpException.class)
                    .hasMessage("faulty: pullback returned null for 1 inputs");
        }

        @Test
        void aGradientOfTheWrongShapeNamesTheOpAndTheInput() {
            assertThatThrownBy(() -> run(new Faulty(a, (x, g) -> List.of(g.transpose()), false)))
                    .isInstanceOf(CustomOpException.class)
                    .hasMessage("faulty: pullback returned, for input 0, a 3x2 matrix, expected 2x3");
        }

        @Test
        void anExceptionInsideTheOpIsWrappedWithItsName() {
            assertThatThrownBy(() -> run(new Faulty(a, (x, g) -> {
                throw new IllegalStateException("boom");
            }, false)))
                    .isInstanceOf(CustomOpException.class)
                    .hasMessageStartingWith("faulty: pullback failed: java.lang.IllegalStateException: boom")
                    .hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    /** {@code c x}: a custom op with a parameter besides its input. */
    record Scale(Expr a, double c) implements Custom.Elementwise {
        @Override
        public String op() {
            return "scale";
        }

        @Override
        public double apply(double x) {
            return c * x;
        }

        @Override
        public double derivative(double x, double out) {
            return c;
        }
    }

    @org.junit.jupiter.api.Nested
    class Identity {
        @Test
        void aRecordsParametersArePartOfItsIdentity() {
            Expr two = new Binary(BinaryOp.ADD, new Scale(X, 2), new adjoint.expr.Leaf.Constant(1));
            Expr three = new Binary(BinaryOp.ADD, new Scale(X, 3), new adjoint.expr.Leaf.Constant(1));
            assertThat(two).isNotEqualTo(three);
            assertThat(two).isEqualTo(new Binary(BinaryOp.ADD, new Scale(X, 2), new adjoint.expr.Leaf.Constant(1))).hasSameHashCodeAs(
                    new Binary(BinaryOp.ADD, new Scale(X, 2), new adjoint.expr.Leaf.Constant(1)));
            Expr difference = adjoint.symbolic.Simplify.readable(new Binary(BinaryOp.SUB, two, three));
            assertThat(Backprop.value(difference, Bindings.of("x", 5))).isEqualTo(-5);
        }

        @Test
        void aCustomOpWithoutInputsOrShapeIsNamed() {
            Custom noInputs = new Custom() {
                public String op() { return "broken"; }
                public Shape shape() { return Shape.SCALAR; }
                public List<Expr> inputs() { return null; }
                public RealMatrix forward(List<RealMatrix> in) { return null; }
                public List<RealMatrix> pullback(List<RealMatrix> in, RealMatrix out, RealMatrix g) {
                    return null;
                }
            };
            assertThatThrownBy(() -> Backprop.gradient(new Unary(UnaryOp.SIN, noInputs), Bindings.empty()))
                    .isInstanceOf(CustomOpException.class).hasMessageStartingWith("broken: inputs() returned null");
            Custom noShape = new Custom() {
                public String op() { return "shapeless"; }
                public Shape shape() { return null; }
                public List<Expr> inputs() { return List.of(); }
                public RealMatrix forward(List<RealMatrix> in) { return null; }
                public List<RealMatrix> pullback(List<RealMatrix> in, RealMatrix out, RealMatrix g) {
                    return null;
                }
            };
            assertThatThrownBy(() -> new Unary(UnaryOp.SIN, noShape)).isInstanceOf(CustomOpException.class)
                    .hasMessage("shapeless: shape() returned null");
            assertThatThrownBy(() -> Backprop.gradient(noShape, Bindings.empty())).isInstanceOf(CustomOpException.class)
                    .hasMessage("shapeless: shape() returned null");
        }
    }
}
