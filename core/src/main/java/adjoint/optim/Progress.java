package adjoint.optim;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Told of each step of {@link Optimizer#minimize}: a callback for a training loop's own
 * bookkeeping, or a progress line for a long run.
 */
@FunctionalInterface
public interface Progress {

    /**
     * Reports a step, after the point has moved.
     *
     * @param step the step just taken, counted from 1
     * @param steps the number of steps in the run
     * @param value the objective's value at that step
     */
    void step(int step, int steps, double value);

    /** {@return a progress that does nothing} */
    static Progress none() {
        return (step, steps, value) -> {};
    }

    /**
     * {@return a progress that prints a line every {@code every} steps and at the last}:
     * {@code step 100/1000  value 0.312400}
     *
     * @param every how many steps between lines, positive
     * @param out where the lines go
     */
    static Progress every(int every, PrintStream out) {
        if (every <= 0) {
            throw new IllegalArgumentException("every is " + every + ", expected a positive number of steps");
        }
        Objects.requireNonNull(out, "out is null");
        return (step, steps, value) -> {
            if (step % every == 0 || step == steps) {
                out.printf(Locale.ROOT, "step %d/%d  value %.6g%n", step, steps, value);
            }
        };
    }

    /**
     * {@return a progress line for long runs}: the first step, then at most one line a second,
     * and the last step, each with the time taken so far:
     * {@code step 2400/10000  value 0.0412300  1.0 s}
     *
     * @param out where the lines go
     */
    static Progress printing(PrintStream out) {
        return printing(out, System::nanoTime);
    }

    /**
     * {@return a progress line for long runs} as {@link #printing(PrintStream)}, timed by a given clock
     *
     * @param out where the lines go
     * @param nanoTime the clock, in nanoseconds
     */
    static Progress printing(PrintStream out, LongSupplier nanoTime) {
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(nanoTime, "clock is null");
        long start = nanoTime.getAsLong();
        long[] last = {Long.MIN_VALUE};
        return (step, steps, value) -> {
            long now = nanoTime.getAsLong();
            if (step == 1 || step == steps || now - last[0] >= 1_000_000_000L) {
                last[0] = now;
                out.printf(Locale.ROOT, "step %d/%d  value %.6g  %.1f s%n", step, steps, value, (now - start) / 1e9);
            }
        };
    }
}
