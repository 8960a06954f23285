package adjoint.bench;

import adjoint.eval.BatchGradient;
import adjoint.examples.BatchLogistic;
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
 * JMH: one batch gradient of {@link BatchLogistic}'s loss over 100,000 rows on a pool of 1 or
 * 2 threads, and on the calling thread alone ({@code sequential}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BatchBenchmarks {

    @Param({"1", "2"})
    int threads;

    ForkJoinPool pool;
    BatchGradient onPool;
    BatchGradient sequential;
    double[] point;
    double[] gradient;

    /** Draws the data and makes the pool once. */
    @Setup
    public void setUp() {
        BatchGradient all = BatchLogistic.loss(BatchLogistic.draw(BatchWorkload.ROWS, new Random(1)));
        pool = new ForkJoinPool(threads);
        onPool = all.on(pool);
        sequential = all.sequential();
        point = new double[all.dimension()];
        gradient = new double[all.dimension()];
    }

    /** Stops the pool. */
    @TearDown
    public void tearDown() {
        pool.shutdown();
    }

    /** {@return the summed loss, computed on the pool} */
    @Benchmark
    public double batchGradient() {
        return onPool.valueAndGradient(point, gradient);
    }

    /** {@return the summed loss, computed on the calling thread} */
    @Benchmark
    public double batchGradientSequential() {
        return sequential.valueAndGradient(point, gradient);
    }
}
