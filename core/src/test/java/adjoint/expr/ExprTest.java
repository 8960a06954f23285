package adjoint.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.MatrixConstant;
import adjoint.expr.Leaf.Variable;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExprTest {

    static final Variable X = new Variable("x");
    static final Variable W = new Variable("W", Shape.of(3, 2));
    static final Variable V = new Variable("v", Shape.vector(3));

    @Nested
    class Shapes {
        @Test
        void elementwiseOpsKeepTheInputShape() {
            assertThat(new Unary.Sin(W).shape()).isEqualTo(Shape.of(3, 2));
            assertThat(new Binary.Mul(W, W).shape()).isEqualTo(Shape.of(3, 2));
            assertThat(new Unary.Power(X, 3).shape()).isEqualTo(Shape.SCALAR);
        }

        @Test
        void matrixOpsComputeTheirShapes() {
            assertThat(new MatrixOp.MatMul(new MatrixOp.Transpose(W), V).shape()).isEqualTo(Shape.of(2, 1));
            assertThat(new MatrixOp.Transpose(W).shape()).isEqualTo(Shape.of(2, 3));
            assertThat(new MatrixOp.Sum(W).shape()).isEqualTo(Shape.SCALAR);
            assertThat(new MatrixOp.Broadcast(X, Shape.of(4, 5)).shape()).isEqualTo(Shape.of(4, 5));
            assertThat(new MatrixOp.Trace(new MatrixOp.MatMul(W, new MatrixOp.Transpose(W))).shape())
                    .isEqualTo(Shape.SCALAR);
        }

        @Test
        void matmulMismatchNamesTheOpAndBothShapes() {
            assertThatThrownBy(() -> new MatrixOp.MatMul(W, V))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("matmul: 3x2 times 3x1");
        }

        @Test
        void elementwiseMismatchNamesTheOpAndBothShapes() {
            assertThatThrownBy(() -> new Binary.Add(W, V))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("add: 3x2 and 3x1 differ");
            assertThatThrownBy(() -> new Binary.Div(X, V))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("div: 1x1 and 3x1");
        }

        @Test
        void mismatchesSayWhereInTheExpression() {
            Expr deep = new Unary.Sin(new MatrixOp.MatMul(W, new Variable("u", Shape.vector(2))));
            assertThatThrownBy(() -> new Binary.Add(deep, new Variable("z", Shape.vector(2))))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("add: 3x1 and 2x1 differ; elementwise ops need equal shapes (broadcast a scalar explicitly)"
                            + " in add(sin(matmul(W, u)), z)");
            assertThatThrownBy(() -> new MatrixOp.MatMul(V, deep))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageEndingWith(" in matmul(v, sin(matmul(W, u)))");
        }

        @Test
        void traceNeedsASquareMatrix() {
            assertThatThrownBy(() -> new MatrixOp.Trace(W))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("trace: input is 3x2, not square in trace(W)");
        }

        @Test
        void broadcastNeedsAScalar() {
            assertThatThrownBy(() -> new MatrixOp.Broadcast(V, Shape.of(3, 3)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("broadcast: input is 3x1");
        }

        @Test
        void aGivenShapeMustBeTheComputedOne() {
            assertThatThrownBy(() -> new Unary.Exp(W, Shape.SCALAR))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("exp: input is 3x2 but the given shape is 1x1");
            assertThatThrownBy(() -> new MatrixOp.MatMul(W, new Variable("u", Shape.vector(2)), Shape.of(2, 1)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("is 3x1 but the given shape is 2x1");
        }

        @Test
        void shapesAreAtLeastOneByOne() {
            assertThatThrownBy(() -> Shape.of(0, 3)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("0x3");
        }
    }

    @Nested
    class Construction {
        @Test
        void nullInputsAreNamed() {
            assertThatThrownBy(() -> new Unary.Sin(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("a is null");
            assertThatThrownBy(() -> new Binary.Add(X, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("b is null");
            assertThatThrownBy(() -> new Variable(null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("name is null");
        }

        @Test
        void variableNamesMustNotBeBlank() {
            assertThatThrownBy(() -> new Variable(" ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("variable name is blank");
        }

        @Test
        void powerNeedsAFiniteExponent() {
            assertThatThrownBy(() -> new Unary.Power(X, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not finite");
        }

        @Test
        void matrixConstantsCannotBeChangedFromOutside() {
            RealMatrix m = MatrixUtils.createRealMatrix(new double[][] {{1, 2}, {3, 4}});
            MatrixConstant c = new MatrixConstant(m);
            m.setEntry(0, 0, 99);
            c.value().setEntry(1, 1, 99);
            assertThat(c.entry(0, 0)).isEqualTo(1);
            assertThat(c.entry(1, 1)).isEqualTo(4);
        }

        @Test
        void inputsAreReachableByIndex() {
            Binary.Sub s = new Binary.Sub(X, new Constant(2));
            assertThat(s.arity()).isEqualTo(2);
            assertThat(s.input(0)).isSameAs(X);
            assertThatThrownBy(() -> s.input(2)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("sub has two inputs");
            assertThatThrownBy(() -> X.input(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Nested
    class Rebuilding {
        record Twice(Expr a) implements Custom.Elementwise {
            @Override
            public String op() {
                return "twice";
            }

            @Override
            public double apply(double x) {
                return 2 * x;
            }

            @Override
            public double derivative(double x, double out) {
                return 2;
            }
        }

        @Test
        void withInputsKeepsTheOpAndItsParameters() {
            Variable y = new Variable("y");
            assertThat(Exprs.withInputs(new Unary.Power(X, 2.5), io.vavr.collection.List.of(y)))
                    .isEqualTo(new Unary.Power(y, 2.5));
            assertThat(Exprs.withInputs(new MatrixOp.Broadcast(X, Shape.of(2, 2)), io.vavr.collection.List.of(y)))
                    .isEqualTo(new MatrixOp.Broadcast(y, Shape.of(2, 2)));
            assertThat(Exprs.withInputs(new Binary.Div(X, y), io.vavr.collection.List.of(y, X)))
                    .isEqualTo(new Binary.Div(y, X));
            assertThat(Exprs.withInputs(X, io.vavr.collection.List.empty())).isSameAs(X);
        }

        @Test
        void withInputsRebuildsARecordCustomOp() {
            Variable y = new Variable("y");
            assertThat(Exprs.withInputs(new Twice(X), io.vavr.collection.List.of(y))).isEqualTo(new Twice(y));
        }

        @Test
        void withInputsChecksTheCountAndTheShapes() {
            assertThatThrownBy(() -> Exprs.withInputs(new Unary.Sin(X), io.vavr.collection.List.of(X, X)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("sin has 1 inputs, got 2");
            assertThatThrownBy(() -> Exprs.withInputs(new Binary.Add(X, X), io.vavr.collection.List.of(X, V)))
                    .isInstanceOf(ShapeMismatchException.class);
        }
    }

    @Nested
    class Identity {
        @Test
        void equalStructuresAreEqualAndHashAlike() {
            Expr a = new Binary.Add(new Unary.Sin(X), new Constant(2));
            Expr b = new Binary.Add(new Unary.Sin(new Variable("x")), new Constant(2));
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a).isNotEqualTo(new Binary.Add(new Unary.Cos(X), new Constant(2)));
            assertThat(a).isNotEqualTo(new Binary.Add(new Unary.Sin(X), new Constant(3)));
            assertThat(new Unary.Power(X, 2)).isNotEqualTo(new Unary.Power(X, 3));
            assertThat(new Variable("x")).isNotEqualTo(new Variable("x", Shape.vector(2)));
        }

        @Test
        void textIsFunctionForm() {
            Expr f = new Unary.Reciprocal(new Binary.Add(new Unary.Power(new Unary.Sin(X), 2), new Constant(2.5)));
            assertThat(f).hasToString("inv(add(pow(sin(x), 2), 2.5))");
            assertThat(new MatrixConstant(MatrixUtils.createRealIdentityMatrix(2))).hasToString("[[1, 0], [0, 1]]");
        }

        @Test
        void aMillionDeepChainComparesHashesAndPrints() {
            Expr a = chain(1_000_000);
            Expr b = chain(1_000_000);
            assertThat(a.equals(b)).isTrue();
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
            assertThat(a.toString()).hasSize(Structure.MAX_TEXT + 1).endsWith("…");
        }

        @Test
        void aHundredLevelDoublingComparesHashesAndPrintsInLinearTime() {
            Expr a = doubling(100);
            Expr b = doubling(100);
            assertThat(a.equals(b)).isTrue();
            assertThat(a.hashCode()).isEqualTo(b.hashCode());
            assertThat(a.toString()).startsWith("add(add(add(");
        }

        private static Expr chain(int n) {
            Expr e = X;
            for (int i = 0; i < n; i++) {
                e = new Unary.Sin(e);
            }
            return e;
        }

        private static Expr doubling(int levels) {
            Expr e = X;
            for (int i = 0; i < levels; i++) {
                e = new Binary.Add(e, e);
            }
            return e;
        }
    }
}
