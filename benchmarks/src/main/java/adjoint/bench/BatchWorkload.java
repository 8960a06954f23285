package adjoint.bench;

import adjoint.eval.BatchGradient;
import adjoint.examples.BatchLogistic;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * One gradient of the logistic regression loss of {@link BatchLogistic} over 100,000 rows
 * (1,000 batches of 100), on one thread and on two: the batch gradient's speed-up (target at
 * least 1.7 on two cores).
 */
final class BatchWorkload {

    static final int ROWS = 100_000;

    private BatchWorkload() {}

    /** Prints and records the medians on one and two threads and their ratio. */
    static void run(Timer timer, List<String> csv) {
        BatchGradient all = BatchLogistic.loss(BatchLogistic.draw(ROWS, new Random(1)));
        double[] point = new double[all.dimension()];
        double[] gradient = new double[all.dimension()];
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            BatchGradient onOne = all.on(one);
            BatchGradient onTwo = all.on(two);
            double t1 = timer.median(() -> onOne.valueAndGradient(point, gradient));
            double t2 = timer.median(() -> onTwo.valueAndGradient(point, gradient));
            System.out.printf(Locale.ROOT, "batch gradient, %,d rows in %,d batches: 1 thread %.3e s, 2 threads %.3e s,"
                    + " speed-up %.2f (target >= 1.7; %d cores)%n", ROWS, all.batches(), t1, t2, t1 / t2,
                    Runtime.getRuntime().availableProcessors());
            csv.add(String.format(Locale.ROOT, "batch_gradient,%d,1_thread,%.6e,0", ROWS, t1));
            csv.add(String.format(Locale.ROOT, "batch_gradient,%d,2_threads,%.6e,%.4f", ROWS, t2, t1 / t2));
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }
}
