package adjoint.spark;

import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.softplus;
import static adjoint.dsl.Adjoint.sum;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.optim.Adam;
import adjoint.optim.Objective;
import adjoint.optim.Progress;
import adjoint.optim.Training;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Logistic regression on 1,000,000 generated rows in Spark's local mode (two threads): the log
 * loss of a batch of rows written once in the DSL, summed over the rows by a
 * {@link SparkObjective}, minimized by the library's {@link Adam} on the driver; then the
 * accuracy on 100,000 held-out rows. The rows are generated where they are used, eight
 * partitions of 125,000.
 */
public final class SparkLogistic {

    static final int FEATURES = 8;
    static final double[] TRUE_WEIGHTS = {1.5, -2, 0.75, 0, 3, -1, 0.5, -0.25};
    static final double TRUE_BIAS = 0.4;
    static final int PARTITIONS = 8;
    static final int ROWS_PER_PARTITION = 125_000;

    private SparkLogistic() {}

    /** {@return the summed log loss of {@code n} rows, {@code sum(softplus(z) - y ⊙ z)} with {@code z = X w + b}} */
    static Scalar loss(int n) {
        Matrix x = matrix("X", n, FEATURES);
        Matrix y = matrix("y", n, 1);
        Matrix z = x.times(matrix("w", FEATURES, 1)).plus(scalar("b"));
        return sum(softplus(z).minus(y.hadamard(z)));
    }

    /** {@return {@code n} rows drawn from the true model: the features, then the label} */
    static List<double[]> rows(long seed, int n) {
        Random r = new Random(seed);
        List<double[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] row = new double[FEATURES + 1];
            double z = TRUE_BIAS;
            for (int j = 0; j < FEATURES; j++) {
                row[j] = r.nextGaussian();
                z += TRUE_WEIGHTS[j] * row[j];
            }
            row[FEATURES] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            rows.add(row);
        }
        return rows;
    }

    /** {@return the share of rows whose label the weights (then the bias) predict} */
    static double accuracy(double[] point, List<double[]> rows) {
        int right = 0;
        for (double[] row : rows) {
            double z = point[FEATURES];
            for (int j = 0; j < FEATURES; j++) {
                z += point[j] * row[j];
            }
            right += (z > 0) == (row[FEATURES] == 1) ? 1 : 0;
        }
        return right / (double) rows.size();
    }

    /**
     * Trains and prints the progress and the held-out accuracy.
     *
     * @param args none
     */
    public static void main(String[] args) {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("adjoint SparkLogistic").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false").set("spark.log.level", "ERROR");
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            spark.setLogLevel("ERROR");
            List<Long> seeds = new ArrayList<>();
            for (long p = 0; p < PARTITIONS; p++) {
                seeds.add(1000 + p);
            }
            JavaRDD<double[]> rows = spark.parallelize(seeds, PARTITIONS)
                    .flatMap(seed -> (Iterator<double[]>) rows(seed, ROWS_PER_PARTITION).iterator());
            long start = System.nanoTime();
            try (SparkObjective sum = SparkObjective.over(rows).loss(SparkLogistic::loss).parameters(matrix("w", FEATURES, 1), scalar("b"))
                    .data(matrix("X", 1, FEATURES), matrix("y", 1, 1)).batchRows(1000).build()) {
                System.out.printf(Locale.ROOT, "%,d rows in %d partitions, %,d batches; loss compiled once per executor%n", sum.rows(),
                        rows.getNumPartitions(), sum.batches());
                double n = sum.rows();
                Objective mean = (point, gradient) -> {
                    double value = sum.valueAndGradient(point, gradient);
                    for (int i = 0; i < gradient.length; i++) {
                        gradient[i] /= n;
                    }
                    return value / n;
                };
                Training t = Adam.of(0.1).minimize(mean, new double[sum.dimension()], 60, Progress.every(10, System.out));
                double[] truth = java.util.Arrays.copyOf(TRUE_WEIGHTS, FEATURES + 1);
                truth[FEATURES] = TRUE_BIAS;
                List<double[]> heldOut = rows(7, 100_000);
                System.out.printf(Locale.ROOT, "held-out accuracy %.2f%% (the weights that made the data: %.2f%%)%n",
                        100 * accuracy(t.point(), heldOut), 100 * accuracy(truth, heldOut));
                System.out.printf(Locale.ROOT, "trained in %.1f s on local[2]%n", (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
