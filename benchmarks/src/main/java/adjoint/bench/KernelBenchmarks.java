package adjoint.bench;

import static adjoint.dsl.Adjoint.constant;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.sigmoid;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.dsl.Adjoint.vector;

import adjoint.dsl.Matrix;
import adjoint.eval.CompiledFunction;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the matrix kernels through a compiled gradient. {@code product}: {@code sum((X W)²)} with
 * {@code X} a {@code 256x64} constant and {@code W} {@code 64x128}, a general product forward and
 * {@code X^T G} backward, on 1 or 2 threads ({@link CompiledFunction#parallelOn}).
 * {@code matrixVector}: {@code sum(σ(W x)²)} with {@code W} {@code 1024x1024}, whose backward
 * pass is the fused matrix-vector pullback (one read of {@code W}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class KernelBenchmarks {

    @Param({"1", "2"})
    int threads;

    ForkJoinPool pool;
    CompiledFunction product;
    double[] productPoint;
    double[] productGradient;
    CompiledFunction matrixVector;
    double[] vectorPoint;
    double[] vectorGradient;

    /** Builds both functions and their points once. */
    @Setup
    public void setUp() {
        Random r = new Random(1);
        double[][] x = new double[256][64];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = r.nextGaussian();
            }
        }
        Matrix w = matrix("W", 64, 128);
        pool = threads > 1 ? new ForkJoinPool(threads) : null;
        product = sum(constant(x).times(w).squared()).compile(w).parallelOn(pool);
        productPoint = random(r, product.dimension());
        productGradient = new double[product.dimension()];
        Matrix big = matrix("W", 1024, 1024);
        Matrix v = vector("x", 1024);
        matrixVector = sum(sigmoid(big.times(v)).squared()).compile(big, v).parallelOn(pool);
        vectorPoint = random(r, matrixVector.dimension());
        vectorGradient = new double[matrixVector.dimension()];
    }

    private static double[] random(Random r, int n) {
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = 0.05 * r.nextGaussian();
        }
        return p;
    }

    /** Stops the pool. */
    @TearDown
    public void tearDown() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    /** {@return the product workload's value, its gradient written} */
    @Benchmark
    public double product() {
        return product.valueAndGradient(productPoint, productGradient);
    }

    /** {@return the matrix-vector workload's value, its gradient written} */
    @Benchmark
    public double matrixVector() {
        return matrixVector.valueAndGradient(vectorPoint, vectorGradient);
    }
}
