package adjoint.bench;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Median wall-clock time of a task: calibrated into batches of about a tenth of the sample
 * time, warmed up, then timed in samples. Medians resist the noise of a shared machine; the
 * result of every call goes to a sink so the JIT cannot drop the work.
 */
final class Timer {

    /** Where results go, so that no call is dead code. */
    static volatile Object sink;

    private final double sampleSeconds;
    private final int samples;

    Timer(double sampleSeconds, int samples) {
        this.sampleSeconds = sampleSeconds;
        this.samples = samples;
    }

    /** {@return the median seconds of one call of {@code task}} */
    double median(Supplier<?> task) {
        // Start each measurement from a collected heap, so that one workload's garbage is not the next one's pause.
        System.gc();
        long start = System.nanoTime();
        sink = task.get();
        double once = Math.max((System.nanoTime() - start) / 1e9, 1e-9);
        int batch = (int) Math.max(1, Math.min(1_000_000, sampleSeconds / once));
        long warmEnd = System.nanoTime() + (long) (Math.max(1.0, 5 * sampleSeconds) * 1e9);
        do {
            for (int i = 0; i < batch; i++) {
                sink = task.get();
            }
        } while (System.nanoTime() < warmEnd && once < 0.5);
        double[] times = new double[samples];
        for (int s = 0; s < samples; s++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) {
                sink = task.get();
            }
            times[s] = (System.nanoTime() - t0) / 1e9 / batch;
        }
        Arrays.sort(times);
        return times[samples / 2];
    }
}
