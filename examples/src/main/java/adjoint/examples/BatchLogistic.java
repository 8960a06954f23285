package adjoint.examples;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.softplus;
import static adjoint.dsl.Adjoint.sum;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.BatchGradient;
import adjoint.eval.CompiledFunction;
import adjoint.optim.Adam;
import adjoint.optim.Objective;
import adjoint.optim.Progress;
import adjoint.optim.Training;
import adjoint.wire.SavedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * Logistic regression on 100,000 rows: the loss written for one batch of 100 rows, summed over
 * the data set by a {@link BatchGradient} on every core, minimized by the library's
 * {@link Adam}. Prints the progress, the accuracy on held-out rows beside that of the weights
 * that made the data, and one gradient's time on one thread and on two.
 */
public final class BatchLogistic {

    static final int FEATURES = 8;
    static final int BATCH = 100;
    static final double[] TRUE_WEIGHTS = {1.5, -2, 0.75, 0, 3, -1, 0.5, -0.25};
    static final double TRUE_BIAS = 0.4;

    private BatchLogistic() {}

    /**
     * Rows of standard normal features and labels drawn with probability {@code σ(x·w + b)}.
     *
     * @param x the features, one row per example
     * @param y the labels, 0 or 1, one row per example
     */
    public record Data(double[][] x, double[][] y) {

        /** {@return the number of rows} */
        public int rows() {
            return x.length;
        }
    }

    /**
     * {@return {@code n} rows drawn from the true model}
     *
     * @param n the number of rows
     * @param r the source of randomness
     */
    public static Data draw(int n, Random r) {
        double[][] x = new double[n][FEATURES];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            double z = TRUE_BIAS;
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = r.nextGaussian();
                z += TRUE_WEIGHTS[j] * x[i][j];
            }
            y[i][0] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new Data(x, y);
    }

    /** Where {@link #main} saves the trained model. */
    static final Path MODEL = Path.of("target", "models", "batch-logistic.model");

    /** {@return the summed log loss of one batch, {@code sum(softplus(z) - y ⊙ z)} with {@code z = X w + b}} */
    static Scalar batchLossExpression() {
        Matrix w = matrix("w", FEATURES, 1);
        Scalar b = scalar("b");
        Matrix x = matrix("X", BATCH, FEATURES);
        Matrix y = matrix("y", BATCH, 1);
        Matrix z = x.times(w).plus(b);
        return sum(softplus(z).minus(y.hadamard(z)));
    }

    /** {@return the summed log loss of one batch, compiled with the parameters w and b first, then the data X and y} */
    static CompiledFunction batchLoss() {
        return batchLossExpression().compile(matrix("w", FEATURES, 1), scalar("b"), matrix("X", BATCH, FEATURES), matrix("y", BATCH, 1));
    }

    /**
     * {@return the trained model: the batch loss, w and b at the training's point, and Adam's state to resume from}
     *
     * @param t the training
     */
    public static SavedModel model(Training t) {
        return SavedModel.of(batchLossExpression(), List.of(matrix("w", FEATURES, 1), scalar("b")), t.point()).trainedBy(Adam.of(0.1), t);
    }

    /**
     * {@return each row's logit {@code x·w + b}}: what the model predicts, positive for label 1
     *
     * @param point the weights, then the bias
     * @param data the rows
     */
    public static double[] logits(double[] point, Data data) {
        double[] z = new double[data.rows()];
        for (int i = 0; i < data.rows(); i++) {
            z[i] = point[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                z[i] += point[j] * data.x()[i][j];
            }
        }
        return z;
    }

    /**
     * {@return the loss summed over {@code data}, its point {@code (w, b)}}
     *
     * @param data the training rows, a multiple of 100
     */
    public static BatchGradient loss(Data data) {
        CompiledFunction f = batchLoss();
        return BatchGradient.of(f, at(matrix("X", BATCH, FEATURES), data.x(), matrix("y", BATCH, 1), data.y()));
    }

    /**
     * {@return the weights and bias after {@code steps} steps of Adam on the mean log loss}
     *
     * @param data the training rows
     * @param steps the number of full-batch steps
     * @param progress told of every step
     */
    public static Training train(Data data, int steps, Progress progress) {
        BatchGradient all = loss(data);
        double n = data.rows();
        Objective mean = (point, gradient) -> {
            double value = all.valueAndGradient(point, gradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] /= n;
            }
            return value / n;
        };
        return Adam.of(0.1).minimize(mean, new double[all.dimension()], steps, progress);
    }

    /**
     * {@return the share of rows whose label the weights predict}
     *
     * @param point the weights, then the bias
     * @param data the rows
     */
    public static double accuracy(double[] point, Data data) {
        double[] z = logits(point, data);
        int right = 0;
        for (int i = 0; i < data.rows(); i++) {
            right += (z[i] > 0) == (data.y()[i][0] == 1) ? 1 : 0;
        }
        return right / (double) data.rows();
    }

    /**
     * {@return the median time, in seconds, of one full gradient on the given pool}
     *
     * @param all the summed loss
     * @param pool the pool to run on
     * @param runs how many runs to take the median of
     */
    static double secondsPerGradient(BatchGradient all, ForkJoinPool pool, int runs) {
        BatchGradient on = all.on(pool);
        double[] point = new double[all.dimension()];
        double[] gradient = new double[all.dimension()];
        double[] times = new double[runs];
        for (int k = -3; k < runs; k++) {
            long start = System.nanoTime();
            on.valueAndGradient(point, gradient);
            if (k >= 0) {
                times[k] = (System.nanoTime() - start) / 1e9;
            }
        }
        Arrays.sort(times);
        return times[runs / 2];
    }

    /**
     * Trains, prints progress and the held-out accuracy, then times one gradient on one and two threads.
     *
     * @param args none
     */
    public static void main(String[] args) {
        Random r = new Random(2026);
        Data train = draw(100_000, r);
        Data test = draw(20_000, r);
        Training t = train(train, 150, Progress.every(25, System.out));
        double[] truth = Arrays.copyOf(TRUE_WEIGHTS, FEATURES + 1);
        truth[FEATURES] = TRUE_BIAS;
        System.out.printf(Locale.ROOT, "held-out accuracy %.2f%% (the weights that made the data: %.2f%%)%n",
                100 * accuracy(t.point(), test), 100 * accuracy(truth, test));
        System.out.printf(Locale.ROOT, "learnt w = %s, b = %.3f%n", Arrays.stream(t.point()).limit(FEATURES)
                .mapToObj(v -> String.format(Locale.ROOT, "%.3f", v)).toList(), t.point()[FEATURES]);
        try {
            Files.createDirectories(MODEL.getParent());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        model(t).save(MODEL);
        System.out.println("saved the model to " + MODEL + " (the loss, w and b, and Adam's state)");
        BatchGradient all = loss(train);
        ForkJoinPool one = new ForkJoinPool(1);
        ForkJoinPool two = new ForkJoinPool(2);
        try {
            double s1 = secondsPerGradient(all, one, 21);
            double s2 = secondsPerGradient(all, two, 21);
            System.out.printf(Locale.ROOT, "one gradient over %,d rows (%,d batches): 1 thread %.1f ms, 2 threads %.1f ms,"
                    + " speed-up %.2f (%d cores here)%n", train.rows(), all.batches(), 1e3 * s1, 1e3 * s2, s1 / s2,
                    Runtime.getRuntime().availableProcessors());
        } finally {
            one.shutdown();
            two.shutdown();
        }
    }
}
