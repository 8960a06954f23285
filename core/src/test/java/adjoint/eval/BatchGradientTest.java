package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Broadcast;
import adjoint.expr.MatMul;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.optim.Sgd;
import adjoint.optim.Training;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BatchGradientTest {

    static final Variable W = new Variable("w", Shape.vector(3));
    static final Variable B = new Variable("b");
    static final ForkJoinPool TWO = new ForkJoinPool(2);
    static final ForkJoinPool ONE = new ForkJoinPool(1);

    @AfterAll
    static void shutDown() {
        TWO.shutdown();
        ONE.shutdown();
    }

    /** {@code sum((X w + b - y)²)} for a batch of {@code k} rows {@code X} (k x 3) and targets {@code y} (k x 1). */
    static CompiledFunction squaredError(int k) {
        Variable x = new Variable("x", Shape.of(k, 3));
        Variable y = new Variable("y", Shape.of(k, 1));
        Expr residual = new Binary(BinaryOp.SUB, new Binary(BinaryOp.ADD, new MatMul(x, W),
                new Broadcast(B, Shape.of(k, 1))), y);
        return Backprop.compile(new Sum(new Unary(UnaryOp.SQUARE, residual)), W, B, x, y);
    }

    static final double[] TRUE_W = {0.5, -2, 1.25};
    static final double TRUE_B = 0.75;

    /** {@code n} rows of standard normal features and their targets under the true weights, without noise. */
    static Bindings data(int n, Random r) {
        double[][] xs = new double[n][3];
        double[][] ys = new double[n][1];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                xs[i][j] = r.nextGaussian();
                ys[i][0] += TRUE_W[j] * xs[i][j];
            }
            ys[i][0] += TRUE_B;
        }
        return Bindings.of("x", xs).and("y", ys);
    }

    @Test
    void theSumOverRowsEqualsTheRowByRowSum() {
        Bindings data = data(1000, new Random(1));
        CompiledFunction f = squaredError(1);
        double[] point = {0.1, 0.2, -0.3, 0.4};
        double[] g = new double[4];
        double value = BatchGradient.of(f, data).valueAndGradient(point, g);
        double[][] xs = data.get("x").orElseThrow().getData();
        double[][] ys = data.get("y").orElseThrow().getData();
        double expected = 0;
        double[] sum = new double[4];
        for (int i = 0; i < xs.length; i++) {
            Gradient row = f.gradientByPosition(new double[] {0.1, 0.2, -0.3}, 0.4, new double[][] {xs[i]}, new double[][] {ys[i]});
            expected += row.value();
            double[] w = row.toArray(W);
            for (int j = 0; j < 3; j++) {
                sum[j] += w[j];
            }
            sum[3] += row.scalar(B);
        }
        assertThat(value).isCloseTo(expected, within(1e-12 * expected));
        for (int j = 0; j < 4; j++) {
            assertThat(g[j]).isCloseTo(sum[j], within(1e-12 * Math.abs(sum[j])));
        }
    }

    @Test
    void batchesOfManyRowsGiveTheSameSumAsSingleRows() {
        Bindings data = data(600, new Random(2));
        double[] point = {1, 1, 1, 1};
        double[] byRow = new double[4];
        double[] byBatch = new double[4];
        double v1 = BatchGradient.of(squaredError(1), data).valueAndGradient(point, byRow);
        double v50 = BatchGradient.of(squaredError(50), data).valueAndGradient(point, byBatch);
        assertThat(v50).isCloseTo(v1, within(1e-12 * v1));
        for (int j = 0; j < 4; j++) {
            assertThat(byBatch[j]).isCloseTo(byRow[j], within(1e-12 * Math.abs(byRow[j])));
        }
        assertThat(BatchGradient.of(squaredError(50), data).batches()).isEqualTo(12);
    }

    @Test
    void theResultIsTheSameBitForBitOnAnyNumberOfThreads() {
        BatchGradient all = BatchGradient.of(squaredError(1), data(5000, new Random(3)));
        double[] point = {0.3, -0.1, 0.7, 0.2};
        double[] sequential = new double[4];
        double value = all.sequential().valueAndGradient(point, sequential);
        for (BatchGradient b : new BatchGradient[] {all, all.on(ONE), all.on(TWO), all.on(TWO)}) {
            double[] g = new double[4];
            assertThat(b.valueAndGradient(point, g)).isEqualTo(value);
            assertThat(g).containsExactly(sequential);
        }
    }

    @Test
    void itIsAnObjectiveThatFindsTheTrueWeights() {
        BatchGradient all = BatchGradient.of(squaredError(10), data(2000, new Random(4)));
        assertThat(all.parameters()).extracting(Variable::name).containsExactly("w", "b");
        Training t = Sgd.of(1e-4).withMomentum(0.9).minimize(all::valueAndGradient, new double[all.dimension()], 1000);
        assertThat(t.point()).containsExactly(new double[] {0.5, -2, 1.25, 0.75}, within(1e-9));
        assertThat(t.lastValue()).isLessThan(1e-12);
    }

    @Test
    void gradientAtBindingsNamesEachVariable() {
        BatchGradient all = BatchGradient.of(squaredError(1), data(100, new Random(5)));
        Gradient g = all.gradient(Bindings.of("w", TRUE_W).and("b", TRUE_B));
        assertThat(g.value()).isCloseTo(0, within(1e-25));
        assertThat(g.variables()).containsExactly("w", "b");
        assertThat(g.toArray(W)).containsExactly(new double[] {0, 0, 0}, within(1e-12));
    }

    @Test
    void badDataSetsAreNamed() {
        CompiledFunction f = squaredError(10);
        Bindings good = data(100, new Random(6));
        assertThatThrownBy(() -> BatchGradient.of(f, good.and("z", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binds z, which is not a parameter of the loss");
        assertThatThrownBy(() -> BatchGradient.of(f, Bindings.of("x", new double[100][2]).and("y", new double[100][1])))
                .isInstanceOf(ShapeMismatchException.class)
                .hasMessage("data variable x is 10x3, so its data needs 3 columns and a multiple of 10 rows; got 100x2");
        assertThatThrownBy(() -> BatchGradient.of(f, Bindings.of("x", new double[95][3]).and("y", new double[95][1])))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("got 95x3");
        assertThatThrownBy(() -> BatchGradient.of(f, Bindings.of("x", new double[100][3]).and("y", new double[50][1])))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("data variable y gives 5 batches but x gives 10");
        assertThatThrownBy(() -> BatchGradient.of(f, Bindings.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binds no variable");
        assertThatThrownBy(() -> BatchGradient.of(f, Bindings.of("x", new double[10][3]).and("y", new double[10][1]).and("w", TRUE_W).and("b", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing is left to differentiate");
        assertThatThrownBy(() -> BatchGradient.of(Backprop.compile(W), Bindings.of("w", new double[] {1, 2, 3})))
                .isInstanceOf(ShapeMismatchException.class).hasMessageContaining("not a scalar");
        assertThatThrownBy(() -> BatchGradient.of(f, good).valueAndGradient(new double[3], new double[4]))
                .isInstanceOf(BindingException.class).hasMessage("a flat point of this function has 4 entries (w 3x1, b), got 3");
    }
}
