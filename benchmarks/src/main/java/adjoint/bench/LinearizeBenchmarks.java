package adjoint.bench;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.expr.Expr;
import adjoint.graph.Order;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: linearising a graph, the step a one-shot gradient of a fresh graph pays. {@code sweep}:
 * {@code scalar_chain 10000}'s 130,000 nodes put in order by their ids, with no hashing, and
 * handed over as arrays;
 * {@code depthFirst}: the same graph under a root whose id was given by hand, out of order, which
 * takes the depth-first walk over an identity index; {@code compile}: the sweep and the program's arrays.
 * {@code deepChain}: the million-deep chain built, compiled and differentiated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LinearizeBenchmarks {

    Expr chain;
    Expr outOfOrder;

    /** Builds the graphs once. */
    @Setup
    public void setUp() {
        chain = ChainWorkload.build(10000, false).expression();
        // A root numbered 1 by hand, older than its input, which the sweep cannot place.
        outOfOrder = new Unary(UnaryOp.NEG, chain, null, 1);
    }

    /** {@return the number of nodes of the chain, put in order by id} */
    @Benchmark
    public int sweep() {
        return Count.of(chain);
    }

    /** {@return the number of nodes of the chain under a root with an id given by hand, walked depth first} */
    @Benchmark
    public int depthFirst() {
        return Count.of(outOfOrder);
    }

    /** Counts the nodes of an order, so that the benchmarks time linearising alone. */
    private static final class Count {
        private Count() {}

        static int of(Expr root) {
            return Order.of(root).size();
        }
    }

    /** {@return the chain compiled: the sweep and the program's arrays} */
    @Benchmark
    public CompiledFunction compile() {
        return CompiledFunction.of(chain);
    }

    /** {@return the million-deep chain built, compiled and differentiated} */
    @Benchmark
    public Object deepChain() {
        return Backprop.gradient(DeepWorkload.chain(1_000_000), Bindings.of("x", 0.5));
    }
}
