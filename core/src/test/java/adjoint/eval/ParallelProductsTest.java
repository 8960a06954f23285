package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.MatrixConstant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.MatMul;
import adjoint.kernel.Products;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Matrix products split by rows over a pool give what one thread gives, bit for bit. */
class ParallelProductsTest {

    static final ForkJoinPool TWO = new ForkJoinPool(2);
    static final ForkJoinPool THREE = new ForkJoinPool(3);

    @AfterAll
    static void shutDown() {
        TWO.shutdown();
        THREE.shutdown();
    }

    static double[][] random(Random r, int rows, int cols) {
        double[][] m = new double[rows][cols];
        for (double[] row : m) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return m;
    }

    @Test
    void theKernelsGiveTheSameBitsOnAPool() {
        Random r = new Random(1);
        double[][] a = random(r, 257, 65);
        double[][] b = random(r, 65, 129);
        double[][] g = random(r, 257, 129);
        assertThat((long) a.length * b.length * b[0].length).isGreaterThan(Products.PARALLEL_WORK);
        for (ForkJoinPool pool : new ForkJoinPool[] {TWO, THREE}) {
            assertThat(Products.multiply(a, b, pool)).isDeepEqualTo(Products.multiply(a, b));
            assertThat(Products.multiplyTransposed(g, b, pool)).isDeepEqualTo(Products.multiplyTransposed(g, b));
            assertThat(Products.transposeMultiply(a, g, pool)).isDeepEqualTo(Products.transposeMultiply(a, g));
        }
    }

    @Test
    void anMlpsValueAndGradientAreTheSameOnTwoThreads() {
        Random r = new Random(2);
        Variable w1 = new Variable("W1", Shape.of(64, 128));
        Variable w2 = new Variable("W2", Shape.of(128, 10));
        Expr x = new MatrixConstant(new Array2DRowRealMatrix(random(r, 256, 64)));
        Expr hidden = new Unary(UnaryOp.TANH, new MatMul(x, w1));
        Expr f = new Sum(new Unary(UnaryOp.SQUARE, new MatMul(hidden, w2)));
        CompiledFunction one = Backprop.compile(f, w1, w2);
        CompiledFunction two = one.parallelOn(TWO);
        double[] point = new double[one.dimension()];
        for (int i = 0; i < point.length; i++) {
            point[i] = 0.1 * r.nextGaussian();
        }
        double[] g1 = new double[point.length];
        double[] g2 = new double[point.length];
        assertThat(two.valueAndGradient(point, g2)).isEqualTo(one.valueAndGradient(point, g1));
        assertThat(g2).containsExactly(g1);
        assertThat(two.detectingNonFinite().valueAndGradient(point, g2)).isEqualTo(one.valueAndGradient(point, g1));
        assertThat(one.parallelOn(null).valueAndGradient(point, g2)).isEqualTo(one.valueAndGradient(point, g1));
    }

    @Test
    void smallProductsStayOnTheCallingThread() {
        ForkJoinPool idle = new ForkJoinPool(2);
        try {
            Variable w = new Variable("W", Shape.of(8, 8));
            Expr f = new Sum(new MatMul(w, new Binary(BinaryOp.MUL, w, w)));
            Backprop.compile(f, w).parallelOn(idle).gradient(Bindings.of("W", random(new Random(3), 8, 8)));
            assertThat(idle.getPoolSize()).isZero();
            assertThat(idle.getStealCount()).isZero();
        } finally {
            idle.shutdown();
        }
    }
}
