package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Axis;
import adjoint.expr.Concat;
import adjoint.expr.Slice;
import adjoint.expr.AxisSums;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Structural;
import adjoint.expr.Sum;
import adjoint.symbolic.Symbolic;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The structural ops added as records of their own: each one's value against its definition,
 * its pullback against finite differences and against its symbolic pullback, and its bad input.
 */
class StructuralOpsTest {

    private static final Random RANDOM = new Random(2026_12_06L);

    private static final Variable X = new Variable("X", Shape.of(2, 3));
    private static final Variable Y = new Variable("Y", Shape.of(2, 3));
    private static final RealMatrix XV = matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});

    private static RealMatrix matrix(double[][] d) {
        return new Array2DRowRealMatrix(d);
    }

    private static RealMatrix random(Shape s) {
        RealMatrix m = new Array2DRowRealMatrix(s.rows(), s.cols());
        for (int i = 0; i < s.rows(); i++) {
            for (int j = 0; j < s.cols(); j++) {
                m.setEntry(i, j, RANDOM.nextDouble() * 4 - 2);
            }
        }
        return m;
    }

    /**
     * Asserts that the gradient of {@code sum(C ⊙ e)}, for random weights {@code C}, agrees
     * with finite differences and, to the last bits, with the symbolic gradient.
     */
    private static void pullbacksAgree(Expr e, Bindings at) {
        Expr f = new Sum(new Binary(BinaryOp.MUL, e, new Leaf.MatrixConstant(random(e.shape()))));
        CheckReport report = GradientCheck.defaults().check(f, at);
        assertThat(report.passed()).as(report.render()).isTrue();
        Gradient g = Backprop.gradient(f, at);
        for (Map.Entry<String, Expr> d : Symbolic.gradient(f).entrySet()) {
            RealMatrix symbolic = Backprop.evaluate(d.getValue(), at);
            RealMatrix backprop = g.matrix(d.getKey());
            for (int i = 0; i < backprop.getRowDimension(); i++) {
                assertThat(symbolic.getRow(i)).as("symbolic d/d%s row %d", d.getKey(), i)
                        .containsExactly(backprop.getRow(i), within(1e-12));
            }
        }
    }

    @Nested
    class ReshapeOp {
        @Test
        void readsAndWritesRowByRow() {
            RealMatrix r = Backprop.evaluate(new adjoint.expr.Reshape(X, Shape.of(3, 2)), Bindings.of("X", XV));
            assertThat(r.getData()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        }

        @Test
        void pullsBackByReshapingBack() {
            pullbacksAgree(new adjoint.expr.Reshape(X, Shape.of(6, 1)), Bindings.of("X", random(X.shape())));
            pullbacksAgree(new adjoint.expr.Reshape(X, Shape.of(3, 2)), Bindings.of("X", random(X.shape())));
        }

        @Test
        void refusesADifferentNumberOfEntries() {
            assertThatThrownBy(() -> new adjoint.expr.Reshape(X, Shape.of(4, 2)))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("reshape: input is 2x3 (6 entries), which cannot be reshaped to 4x2 (8 entries) in reshape(X)");
        }
    }

    @Nested
    class SliceOp {
        private final Variable tall = new Variable("T", Shape.of(4, 2));

        @Test
        void takesRowsOrColumnsFromToExclusive() {
            RealMatrix t = matrix(new double[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}});
            assertThat(Backprop.evaluate(new Slice(tall, Axis.ROWS, 1, 3), Bindings.of("T", t)).getData())
                    .isDeepEqualTo(new double[][] {{2, 3}, {4, 5}});
            assertThat(Backprop.evaluate(new Slice(X, Axis.COLS, 1, 3), Bindings.of("X", XV)).getData())
                    .isDeepEqualTo(new double[][] {{2, 3}, {5, 6}});
        }

        @Test
        void passesZerosToWhatItDoesNotTake() {
            Bindings at = Bindings.of("T", random(tall.shape())).and("X", XV);
            assertThat(Backprop.gradient(new Sum(new Slice(tall, Axis.ROWS, 1, 3)), at).matrix("T").getData())
                    .isDeepEqualTo(new double[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}});
            assertThat(Backprop.gradient(new Sum(new Slice(X, Axis.COLS, 2, 3)), at).matrix("X").getData())
                    .isDeepEqualTo(new double[][] {{0, 0, 1}, {0, 0, 1}});
            for (int[] r : new int[][] {{0, 1}, {1, 3}, {2, 4}, {0, 4}}) {
                pullbacksAgree(new Slice(tall, Axis.ROWS, r[0], r[1]), Bindings.of("T", random(tall.shape())));
            }
            for (int[] r : new int[][] {{0, 1}, {1, 2}, {0, 3}}) {
                pullbacksAgree(new Slice(X, Axis.COLS, r[0], r[1]), Bindings.of("X", random(X.shape())));
            }
        }

        @Test
        void refusesARangeOutsideTheInput() {
            assertThatThrownBy(() -> new Slice(tall, Axis.ROWS, 2, 5))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("sliceRows: rows 2 to 5 of a 4x2 input (want 0 <= from < to <= 4) in sliceRows(T)");
            assertThatThrownBy(() -> new Slice(tall, Axis.ROWS, 2, 2)).isInstanceOf(ShapeMismatchException.class);
            assertThatThrownBy(() -> new Slice(tall, Axis.ROWS, -1, 2)).isInstanceOf(ShapeMismatchException.class);
            assertThatThrownBy(() -> new Slice(X, Axis.COLS, 0, 4))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("sliceCols: cols 0 to 4 of a 2x3 input (want 0 <= from < to <= 3) in sliceCols(X)");
        }
    }

    @Nested
    class ConcatOp {
        @Test
        void stacksRowsOrPutsColumnsSideBySide() {
            Bindings at = Bindings.of("X", XV).and("R", matrix(new double[][] {{7, 8, 9}})).and("C", matrix(new double[][] {{7}, {8}}));
            assertThat(Backprop.evaluate(new Concat(X, new Variable("R", Shape.of(1, 3)), Axis.ROWS), at).getData())
                    .isDeepEqualTo(new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}});
            assertThat(Backprop.evaluate(new Concat(X, new Variable("C", Shape.of(2, 1)), Axis.COLS), at).getData())
                    .isDeepEqualTo(new double[][] {{1, 2, 3, 7}, {4, 5, 6, 8}});
        }

        @Test
        void passesEachInputItsBlock() {
            Variable r = new Variable("R", Shape.of(1, 3));
            Variable c = new Variable("C", Shape.of(2, 2));
            pullbacksAgree(new Concat(X, r, Axis.ROWS), Bindings.of("X", random(X.shape())).and("R", random(r.shape())));
            pullbacksAgree(new Concat(X, X, Axis.ROWS), Bindings.of("X", random(X.shape())));
            pullbacksAgree(new Concat(c, X, Axis.COLS), Bindings.of("X", random(X.shape())).and("C", random(c.shape())));
        }

        @Test
        void refusesBlocksThatDoNotFit() {
            assertThatThrownBy(() -> new Concat(X, new Variable("B", Shape.of(2, 4)), Axis.ROWS))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("concatRows: 2x3 above 2x4 (their columns differ: 3 and 4) in concatRows(X, B)");
            assertThatThrownBy(() -> new Concat(X, new Variable("B", Shape.of(3, 3)), Axis.COLS))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessage("concatCols: 2x3 beside 3x3 (their rows differ: 2 and 3) in concatCols(X, B)");
        }
    }

    @Nested
    class SumsOp {
        @Test
        void sumEachRowIntoAColumnOrEachColumnIntoARow() {
            assertThat(Backprop.evaluate(new AxisSums(X, Axis.ROWS), Bindings.of("X", XV)).getData()).isDeepEqualTo(new double[][] {{6}, {15}});
            assertThat(Backprop.evaluate(new AxisSums(X, Axis.COLS), Bindings.of("X", XV)).getData()).isDeepEqualTo(new double[][] {{5, 7, 9}});
        }

        @Test
        void passEachRowOrColumnItsGradient() {
            pullbacksAgree(new AxisSums(X, Axis.ROWS), Bindings.of("X", random(X.shape())));
            pullbacksAgree(new AxisSums(X, Axis.COLS), Bindings.of("X", random(X.shape())));
        }
    }

    @Nested
    class NormOp {
        @Test
        void isTheSquareRootOfTheSumOfSquares() {
            assertThat(Backprop.value(new adjoint.expr.Norm(X), Bindings.of("X", XV))).isCloseTo(Math.sqrt(91), within(1e-15));
            pullbacksAgree(new adjoint.expr.Norm(X), Bindings.of("X", random(X.shape())));
        }

        @Test
        void neitherOverflowsNorUnderflows() {
            Variable v = new Variable("v", Shape.of(2, 1));
            assertThat(Backprop.value(new adjoint.expr.Norm(v), Bindings.of("v", matrix(new double[][] {{3e200}, {4e200}}))))
                    .isCloseTo(5e200, within(2 * Math.ulp(5e200)));
            assertThat(Backprop.value(new adjoint.expr.Norm(v), Bindings.of("v", matrix(new double[][] {{3e-200}, {4e-200}}))))
                    .isCloseTo(5e-200, within(2 * Math.ulp(5e-200)));
        }

        @Test
        void hasGradientExactlyZeroAtZero() {
            Expr n = new adjoint.expr.Norm(X);
            Bindings zero = Bindings.of("X", new Array2DRowRealMatrix(2, 3));
            Gradient g = Backprop.gradient(n, zero);
            assertThat(g.value()).isZero();
            assertThat(g.matrix("X").getData()).isDeepEqualTo(new double[2][3]);
            assertThat(Backprop.evaluate(Symbolic.gradient(n).get("X"), zero).getData()).isDeepEqualTo(new double[2][3]);
        }

        @Test
        void propagatesNaN() {
            RealMatrix v = XV.copy();
            v.setEntry(1, 2, Double.NaN);
            Gradient g = Backprop.gradient(new adjoint.expr.Norm(X), Bindings.of("X", v));
            assertThat(g.value()).isNaN();
            assertThat(g.matrix("X").getEntry(0, 0)).isNaN();
        }
    }

    @Nested
    class BroadcastColsOp {
        @Test
        void repeatsTheColumnAndPullsBackRowSums() {
            Variable c = new Variable("c", Shape.of(2, 1));
            Expr centred = new Binary(BinaryOp.SUB, X, new adjoint.expr.BroadcastCols(c, X.shape()));
            RealMatrix r = Backprop.evaluate(centred, Bindings.of("X", XV).and("c", matrix(new double[][] {{2}, {5}})));
            assertThat(r.getData()).isDeepEqualTo(new double[][] {{-1, 0, 1}, {-1, 0, 1}});
            pullbacksAgree(centred, Bindings.of("X", random(X.shape())).and("c", random(c.shape())));
        }

        @Test
        void refusesARow() {
            assertThatThrownBy(() -> new adjoint.expr.BroadcastCols(new Variable("r", Shape.of(1, 2)), X.shape()))
                    .isInstanceOf(ShapeMismatchException.class)
                    .hasMessageContaining("it is a row: transpose it");
        }
    }
}
