package adjoint.expr;

import adjoint.fixtures.Fixtures.Twice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adjoint.expr.Unary;
import adjoint.expr.Exprs;
import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.MatrixConstant;
import adjoint.expr.Leaf.Variable;
import java.util.List;
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
            assertThat(new Unary(UnaryOp.SIN, W).shape()).isEqualTo(Shape.of(3, 2));
            assertThat(new Binary(BinaryOp.MUL, W, W).shape()).isEqualTo(Shape.of(3, 2));
            assertThat(Exprs.pow(X, 3).shape()).isEqualTo(Shape.SCALAR);
        }

        @Test
        void matrixOpsComputeTheirShapes() {
            assertThat(new MatMul(new Transpose(W), V).shape()).isEqualTo(Shape.of(2, 1));
            assertThat(new Transpose(W).shape()).isEqualTo(Shape.of(2, 3));
            assertThat(new Sum(W).shape()).isEqualTo(Shape.SCALAR);
            assertThat(new Broadcast(X, Shape.of(4, 5)).shape()).isEqualTo(Shape.of(4, 5));
            assertThat(new MatrixTrace(new MatMul(W, new Transpose(W))).shape())
                    .isEqualTo(Shape.SCALAR);
        }

        @Test
        void matmulMismatchNamesTheOpAndBothShapes() {
            assertThatThrownBy(() -> new MatMul(W, V))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("matmul: 3x2 times 3x1");
        }

        @Test
        void elementwiseMismatchNamesTheOpAndBothShapes() {
            assertThatThrownBy(() -> new Binary(BinaryOp.ADD, W, V))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageStartingWith("add: 3x2 and 3x1 differ");
            assertThatThrownBy(() -> new Binary(BinaryOp.DIV, X, V))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("div: 1x1 and 3x1");
        }

        @Test
        void mismatchesSayWhereInTheExpression() {
            Expr deep = new Unary(UnaryOp.SIN, new MatMul(W, new Variable("u", Shape.vector(2))));
            assertThatThrownBy(() -> new Binary(BinaryOp.ADD, deep, new Variable("z", Shape.vector(2))))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("add: 3x1 and 2x1 differ; elementwise ops need equal shapes (the DSL and the text syntax repeat a scalar, a row or a column to fit)"
                            + " in add(sin(matmul(W, u)), z)");
            assertThatThrownBy(() -> new MatMul(V, deep))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageEndingWith(" in matmul(v, sin(matmul(W, u)))");
        }

        @Test
        void traceNeedsASquareMatrix() {
            assertThatThrownBy(() -> new MatrixTrace(W))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("trace: input is 3x2, not square in trace(W)");
        }

        @Test
        void broadcastNeedsAScalar() {
            assertThatThrownBy(() -> new Broadcast(V, Shape.of(3, 3)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("broadcast: input is 3x1");
        }

        @Test
        void aGivenShapeMustBeTheComputedOne() {
            assertThatThrownBy(() -> new Unary(UnaryOp.EXP, W, Shape.SCALAR))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("exp: input is 3x2 but the given shape is 1x1");
            assertThatThrownBy(() -> new MatMul(W, new Variable("u", Shape.vector(2)), Shape.of(2, 1), 0))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("so the output is 3x1, not the given 2x1");
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
            assertThatThrownBy(() -> new Unary(UnaryOp.SIN, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("sin: a is null");
            assertThatThrownBy(() -> new Binary(BinaryOp.ADD, X, null)).isInstanceOf(NullPointerException.class)
                    .hasMessage("add: b is null");
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
            assertThatThrownBy(() -> Exprs.pow(X, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
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
            Binary s = new Binary(BinaryOp.SUB, X, new Constant(2));
            assertThat(s.arity()).isEqualTo(2);
            assertThat(s.input(0)).isSameAs(X);
            assertThatThrownBy(() -> s.input(2)).isInstanceOf(IndexOutOfBoundsException.class)
                    .hasMessageContaining("sub has two inputs");
            assertThatThrownBy(() -> X.input(0)).isInstanceOf(IndexOutOfBoundsException.class);
        }
    }

    @Nested
    class Rebuilding {

        @Test
        void withInputsKeepsTheOpAndItsParameters() {
            Variable y = new Variable("y");
            assertThat(Exprs.withInputs(new Unary(UnaryOp.ERF, X), List.of(y)))
                    .isEqualTo(new Unary(UnaryOp.ERF, y));
            assertThat(Exprs.withInputs(new Broadcast(X, Shape.of(2, 2)), List.of(y)))
                    .isEqualTo(new Broadcast(y, Shape.of(2, 2)));
            assertThat(Exprs.withInputs(new Binary(BinaryOp.DIV, X, y), List.of(y, X)))
                    .isEqualTo(new Binary(BinaryOp.DIV, y, X));
            assertThat(Exprs.withInputs(X, List.of())).isSameAs(X);
        }

        @Test
        void withInputsRebuildsARecordCustomOp() {
            Variable y = new Variable("y");
            assertThat(Exprs.withInputs(new Twice(X), List.of(y))).isEqualTo(new Twice(y));
        }

        @Test
        void withInputsChecksTheCountAndTheShapes() {
            assertThatThrownBy(() -> Exprs.withInputs(new Unary(UnaryOp.SIN, X), List.of(X, X)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("sin has 1 inputs, got 2");
            assertThatThrownBy(() -> Exprs.withInputs(new Binary(BinaryOp.ADD, X, X), List.of(X, V)))
                    .isInstanceOf(ShapeMismatchException.class);
        }
    }

    @Nested
    class Identity {
        @Test
        void equalStructuresAreEqualAndHashAlike() {
            Expr a = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SIN, X), new Constant(2));
            Expr b = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SIN, new Variable("x")), new Constant(2));
            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
            assertThat(a).isNotEqualTo(new Binary(BinaryOp.ADD, new Unary(UnaryOp.COS, X), new Constant(2)));
            assertThat(a).isNotEqualTo(new Binary(BinaryOp.ADD, new Unary(UnaryOp.SIN, X), new Constant(3)));
            assertThat(Exprs.pow(X, 2)).isNotEqualTo(Exprs.pow(X, 3));
            assertThat(new Variable("x")).isNotEqualTo(new Variable("x", Shape.vector(2)));
        }

        @Test
        void numbersPrintShortAndExactWithTheirSign() {
            assertThat(Structure.number(2.0)).isEqualTo("2");
            assertThat(Structure.number(-0.0)).isEqualTo("-0");
            assertThat(Structure.number(0.1)).isEqualTo("0.1");
            assertThat(Structure.number(Double.NaN)).isEqualTo("NaN");
            assertThat(MatrixText.of(new double[][] {{1, -0.0}, {2.5, 3}})).isEqualTo("[[1, -0], [2.5, 3]]");
            assertThat(MatrixText.of(new double[5][4])).isEqualTo("5x4 matrix");
        }

        @Test
        void textIsFunctionForm() {
            Expr f = new Unary(UnaryOp.INV, new Binary(BinaryOp.ADD, Exprs.pow(new Unary(UnaryOp.SIN, X), 2), new Constant(2.5)));
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
                e = new Unary(UnaryOp.SIN, e);
            }
            return e;
        }

        private static Expr doubling(int levels) {
            Expr e = X;
            for (int i = 0; i < levels; i++) {
                e = new Binary(BinaryOp.ADD, e, e);
            }
            return e;
        }
    }
}
