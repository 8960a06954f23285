package adjoint.spark;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;

import adjoint.eval.BatchGradient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The benchmark of the Spark module: one gradient of {@link SparkLogistic}'s log loss over
 * 100,000, 1,000,000 and 4,000,000 rows, by a {@link SparkObjective} in local[2] and by a
 * {@link BatchGradient} on a pool of two threads, the medians of 7 calls after 3 of warm-up, and
 * their ratio (goal at 4,000,000 rows: at most 1.5).
 */
public final class SparkVersusBatch {

    private SparkVersusBatch() {}

    /**
     * Runs the comparison.
     *
     * @param args none
     */
    public static void main(String[] args) {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("adjoint SparkVersusBatch").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
                .set("spark.log.level", "ERROR");
        int features = SparkLogistic.FEATURES;
        double[] point = new double[features + 1];
        Arrays.fill(point, 0.1);
        System.out.printf("one gradient of the log loss, 2 threads each, medians of 7 after 3 of warm-up%n");
        System.out.printf("%12s %14s %18s %8s%n", "rows", "Spark local[2]", "BatchGradient (2)", "ratio");
        ForkJoinPool pool = new ForkJoinPool(2);
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            for (int rows : new int[] {100_000, 1_000_000, 4_000_000}) {
                int partitions = 8;
                int per = rows / partitions;
                List<Long> seeds = new ArrayList<>();
                for (long p = 0; p < partitions; p++) {
                    seeds.add(1000 + p);
                }
                JavaRDD<double[]> rdd = spark.parallelize(seeds, partitions)
                        .flatMap(seed -> (Iterator<double[]>) SparkLogistic.rows(seed, per).iterator());
                double sparkSeconds;
                try (SparkObjective f = SparkObjective.over(rdd).loss(SparkLogistic::loss).parameters(matrix("w", features, 1), scalar("b"))
                        .data(matrix("X", 1, features), matrix("y", 1, 1)).batchRows(1000).build()) {
                    sparkSeconds = median(() -> f.valueAndGradient(point, new double[point.length]));
                }
                double[][] x = new double[rows][];
                double[][] y = new double[rows][1];
                int i = 0;
                for (long seed : seeds) {
                    for (double[] r : SparkLogistic.rows(seed, per)) {
                        x[i] = Arrays.copyOf(r, features);
                        y[i++][0] = r[features];
                    }
                }
                var batch = SparkLogistic.loss(1000).compile(matrix("w", features, 1), scalar("b"), matrix("X", 1000, features),
                        matrix("y", 1000, 1));
                BatchGradient all = BatchGradient.of(batch, at(matrix("X", 1000, features), x, matrix("y", 1000, 1), y)).on(pool);
                double batchSeconds = median(() -> all.valueAndGradient(point, new double[point.length]));
                System.out.printf(Locale.ROOT, "%,12d %12.1f ms %16.1f ms %8.2f%n", rows, 1e3 * sparkSeconds, 1e3 * batchSeconds,
                        sparkSeconds / batchSeconds);
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double median(Runnable call) {
        for (int k = 0; k < 3; k++) {
            call.run();
        }
        double[] t = new double[7];
        for (int k = 0; k < t.length; k++) {
            long start = System.nanoTime();
            call.run();
            t[k] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(t);
        return t[t.length / 2];
    }
}
