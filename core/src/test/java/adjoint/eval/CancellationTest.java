package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Leaf.Variable;
import adjoint.expr.MatMul;
import adjoint.expr.Shape;
import adjoint.expr.Sum;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A pass whose thread is interrupted stops within a row of work, and says so. */
class CancellationTest {

    @Test
    void anInterruptedGradientStopsAtOnce() throws Exception {
        int n = 2500;
        Variable w = new Variable("W", Shape.of(n, n));
        CompiledFunction f = CompiledFunction.of(new Sum(new MatMul(new MatMul(w, w), w)));
        double[] point = new double[n * n];
        java.util.Arrays.fill(point, 1e-3);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                f.valueAndGradient(point, new double[n * n]);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        worker.start();
        Thread.sleep(300);
        assertThat(worker.isAlive()).as("the gradient takes seconds: still running").isTrue();
        long interrupted = System.nanoTime();
        worker.interrupt();
        worker.join(5_000);
        long millis = (System.nanoTime() - interrupted) / 1_000_000;
        System.out.println("[CancellationTest] stopped " + millis + " ms after the interrupt");
        assertThat(worker.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(millis).as("ms from the interrupt to the end of the pass").isLessThan(1_000);
    }
}
