package adjoint.bench;

import adjoint.eval.CompiledFunction;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the main workloads, each beside its baseline, for a careful look at one
 * figure; the workload runner ({@link Workloads}) covers the whole plan in one run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdjointBenchmarks {

    @Param({"64"})
    int n;

    CompiledFunction q1;
    double[] point;
    double[] gradient;
    VectorQ2Workload vector;
    MlpWorkload mlp;
    double[] chainGradient;
    double[] chainGradient10000;

    /** Builds the compiled functions and inputs once. */
    @Setup
    public void setUp() {
        q1 = Q1Workload.compile();
        point = new double[] {1, 2, 3, 4};
        gradient = new double[4];
        vector = new VectorQ2Workload(n);
        mlp = new MlpWorkload();
        chainGradient = new double[1000];
        chainGradient10000 = new double[10000];
    }

    /** {@return q1's gradient by the compiled function} */
    @Benchmark
    public double q1Compiled() {
        return q1.valueAndGradient(point, gradient);
    }

    /** {@return q1's gradient by the hand-derived closed form} */
    @Benchmark
    public double q1Hand() {
        return Seeds.q1Hand(point[0], point[1], point[2], point[3], gradient);
    }

    /** {@return q1's gradient by DerivativeStructure} */
    @Benchmark
    public double q1DerivativeStructure() {
        return Seeds.q1Structure(point[0], point[1], point[2], point[3], gradient);
    }

    /** {@return vector_q2's gradient by the compiled function} */
    @Benchmark
    public Object vectorQ2Compiled() {
        return vector.gradient(vector.f);
    }

    /** {@return vector_q2's gradient written by hand with Commons Math} */
    @Benchmark
    public Object vectorQ2Hand() {
        return vector.hand();
    }

    /** {@return the mlp's gradient by the compiled function} */
    @Benchmark
    public Object mlpCompiled() {
        return mlp.gradient(mlp.f);
    }

    /** {@return the mlp's gradient written by hand with Commons Math} */
    @Benchmark
    public Object mlpHand() {
        return mlp.hand();
    }

    /** {@return scalar_chain 1000: build, compile and gradient together} */
    @Benchmark
    public double scalarChain1000() {
        return ChainWorkload.adjoint(1000, false, chainGradient);
    }

    /** {@return scalar_chain 10000: build, compile and gradient together, 140,000 fresh nodes} */
    @Benchmark
    public double scalarChain10000() {
        return ChainWorkload.adjoint(10000, false, chainGradient10000);
    }

    /** {@return scalar_chain 1000 by SparseGradient} */
    @Benchmark
    public double scalarChain1000Sparse() {
        return ChainWorkload.sparse(1000, false, chainGradient);
    }

    /** {@return poly_chain 1000: build, compile and gradient together} */
    @Benchmark
    public double polyChain1000() {
        return ChainWorkload.adjoint(1000, true, chainGradient);
    }

    /** {@return the 100-level doubling graph, built and differentiated} */
    @Benchmark
    public Object doubling() {
        return DeepWorkload.doublingOnce();
    }
}
