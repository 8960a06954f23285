package adjoint.spark;

import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.softplus;
import static adjoint.dsl.Adjoint.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.optim.Adam;
import adjoint.optim.Training;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The distributed loss in Spark's local mode, one context for the class, on 127.0.0.1 with the UI off. */
class SparkObjectiveTest {

    static final int FEATURES = 4;
    static final Matrix W = matrix("w", FEATURES, 1);
    static final Scalar B = scalar("b");
    static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("adjoint-spark-test").set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false").set("spark.log.level", "ERROR");
        spark = new JavaSparkContext(conf);
        spark.setLogLevel("ERROR");
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** {@return the log loss of {@code n} rows: {@code sum(softplus(X w + b) - y ⊙ (X w + b))}} */
    static Scalar loss(int n) {
        Matrix x = matrix("X", n, FEATURES);
        Matrix y = matrix("y", n, 1);
        Matrix z = x.times(W).plus(B);
        return sum(softplus(z).minus(y.hadamard(z)));
    }

    static List<double[]> rows(int n, long seed) {
        Random r = new Random(seed);
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[] row = new double[FEATURES + 1];
            double z = 0.3;
            for (int j = 0; j < FEATURES; j++) {
                row[j] = r.nextGaussian();
                z += (j + 1) * 0.5 * row[j];
            }
            row[FEATURES] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
            rows.add(row);
        }
        return rows;
    }

    static SparkObjective objective(JavaRDD<double[]> rdd, int batch) {
        return SparkObjective.over(rdd).loss(SparkObjectiveTest::loss).parameters(W, B).data(matrix("X", 1, FEATURES), matrix("y", 1, 1))
                .batchRows(batch).build();
    }

    /** {@return the loss over all rows at once, on this JVM: the reference} */
    static Gradient reference(List<double[]> rows, double[] point) {
        int n = rows.size();
        double[][] x = new double[n][];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            x[i] = java.util.Arrays.copyOf(rows.get(i), FEATURES);
            y[i][0] = rows.get(i)[FEATURES];
        }
        double[][] w = new double[FEATURES][1];
        for (int j = 0; j < FEATURES; j++) {
            w[j][0] = point[j];
        }
        Matrix xs = matrix("X", n, FEATURES);
        Matrix ys = matrix("y", n, 1);
        CompiledFunction f = loss(n).compile(W, B, xs, ys);
        return f.gradient(Bindings.of("w", w).and("b", point[FEATURES]).and("X", x).and("y", y));
    }

    @Test
    void theGradientIsTheOneOnOneMachineAndTheSameBitForBitOnOneTwoOrEightPartitions() {
        List<double[]> data = rows(10_050, 3);
        double[] point = {0.1, -0.2, 0.3, 0.4, -0.5};
        Gradient expected = reference(data, point);
        double[] first = null;
        double firstValue = 0;
        for (int partitions : new int[] {1, 2, 8}) {
            try (SparkObjective f = objective(spark.parallelize(data, partitions), 1000)) {
                assertThat(f.rows()).isEqualTo(10_050);
                assertThat(f.batches()).as("ten full batches and one of 50 rows").isEqualTo(11);
                double[] g = new double[f.dimension()];
                double value = f.valueAndGradient(point, g);
                double[] e = expected.toArray();
                assertThat(Math.abs(value - expected.value())).isLessThanOrEqualTo(1e-12 * Math.abs(expected.value()));
                for (int i = 0; i < g.length; i++) {
                    assertThat(Math.abs(g[i] - e[i])).as("entry " + i).isLessThanOrEqualTo(1e-12 * Math.abs(e[i]) + 1e-12);
                }
                if (first == null) {
                    first = g;
                    firstValue = value;
                } else {
                    assertThat(g).as(partitions + " partitions, bit for bit").isEqualTo(first);
                    assertThat(Double.doubleToLongBits(value)).isEqualTo(Double.doubleToLongBits(firstValue));
                }
            }
        }
    }

    @Test
    void treeAggregateAgreesToRoundingAndAdamRunsUnchangedOnTheDriver() {
        List<double[]> data = rows(4000, 4);
        JavaRDD<double[]> rdd = spark.parallelize(data, 4).cache();
        try (SparkObjective exact = objective(rdd, 500);
                SparkObjective tree = SparkObjective.over(rdd).loss(SparkObjectiveTest::loss).parameters(W, B)
                        .data(matrix("X", 1, FEATURES), matrix("y", 1, 1)).batchRows(500).treeAggregate().build()) {
            double[] point = {0.5, 0.5, 0.5, 0.5, 0};
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            double v1 = exact.valueAndGradient(point, g1);
            double v2 = tree.valueAndGradient(point, g2);
            assertThat(Math.abs(v1 - v2)).isLessThanOrEqualTo(1e-12 * Math.abs(v1));
            for (int i = 0; i < 5; i++) {
                assertThat(Math.abs(g1[i] - g2[i])).isLessThanOrEqualTo(1e-12 * Math.abs(g1[i]) + 1e-12);
            }
            Training t = Adam.of(0.1).minimize(exact, new double[5], 8);
            assertThat(t.values()[7]).as("the loss goes down").isLessThan(t.values()[0]);
        }
    }

    @Test
    void aBadRowReachesTheDriverAsARowExceptionNamingItsPartitionAndRow() {
        List<double[]> data = rows(100, 5);
        data.get(60)[2] = Double.NaN;
        assertThatThrownBy(() -> objective(spark.parallelize(data, 2), 10)).isInstanceOf(RowException.class)
                .hasMessage("partition 1, row 10: entry 2 is NaN");
        List<double[]> wide = rows(100, 6);
        wide.set(7, new double[FEATURES + 2]);
        assertThatThrownBy(() -> objective(spark.parallelize(wide, 2), 10)).isInstanceOf(RowException.class)
                .hasMessage("partition 0, row 7: 6 entries where the data variables take 5");
        assertThatThrownBy(() -> SparkObjective.over(spark.parallelize(data, 2)).loss(SparkObjectiveTest::loss).parameters(W, B)
                .data(matrix("Z", 1, 1)).build()).hasMessage("the loss of 1000 rows has no data variable Z");
    }

    @Test
    void aDataSetsNumericColumnsAreRowsToo() {
        List<double[]> data = rows(2500, 9);
        org.apache.spark.sql.SparkSession session = org.apache.spark.sql.SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
        List<org.apache.spark.sql.Row> rows = new ArrayList<>();
        for (double[] r : data) {
            // A label first and a column the loss does not read: the columns named pick and order the entries.
            rows.add(org.apache.spark.sql.RowFactory.create(r[FEATURES], "note", r[0], r[1], r[2], r[3]));
        }
        var schema = new org.apache.spark.sql.types.StructType().add("label", "double").add("note", "string").add("a", "double")
                .add("b", "double").add("c", "double").add("d", "double");
        var frame = session.createDataFrame(rows, schema);
        double[] point = {0.2, 0.1, -0.3, 0.05, 0.4};
        try (SparkObjective fromRows = objective(spark.parallelize(data, 3), 1000);
                SparkObjective fromFrame = SparkObjective.over(frame, "a", "b", "c", "d", "label").loss(SparkObjectiveTest::loss)
                        .parameters(W, B).data(matrix("X", 1, FEATURES), matrix("y", 1, 1)).batchRows(1000).build()) {
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            assertThat(fromFrame.valueAndGradient(point, g2)).isEqualTo(fromRows.valueAndGradient(point, g1));
            assertThat(g2).isEqualTo(g1);
        }
        assertThatThrownBy(() -> SparkObjective.over(frame, "a", "z")).hasMessageStartingWith("the data set has no column z");
        assertThatThrownBy(() -> SparkObjective.over(frame, "note", "a", "b", "c", "d").loss(SparkObjectiveTest::loss).parameters(W, B)
                .data(matrix("X", 1, FEATURES), matrix("y", 1, 1)).build()).isInstanceOf(RowException.class)
                .hasMessageStartingWith("column note holds 'note', not a number");
    }

    /** A custom op with a parameter: {@code factor · x} entry by entry. */
    public record Scale(adjoint.expr.Expr a, double factor) implements adjoint.expr.Custom.Elementwise {
        @Override public String op() { return "scale"; }
        @Override public double apply(double x) { return factor * x; }
        @Override public double derivative(double x, double out) { return factor; }
    }

    @Test
    void aLossWithACustomOpTravelsInAWireFormatThatRegistersIt() {
        List<double[]> data = rows(1500, 11);
        java.util.function.IntFunction<Scalar> scaled = n -> {
            Matrix x = matrix("X", n, FEATURES);
            Matrix y = matrix("y", n, 1);
            Matrix z = new Matrix(new Scale(x.times(W).plus(B).expr(), 0.5));
            return sum(softplus(z).minus(y.hadamard(z)));
        };
        double[] point = {0.2, 0.1, -0.3, 0.05, 0.4};
        double[] half = point.clone();
        for (int i = 0; i < half.length; i++) {
            half[i] *= 0.5;
        }
        try (SparkObjective custom = SparkObjective.over(spark.parallelize(data, 2)).loss(scaled).parameters(W, B)
                .data(matrix("X", 1, FEATURES), matrix("y", 1, 1)).batchRows(1000)
                .wireFormat(adjoint.wire.WireFormat.standard().withCustom("scale", Scale.class)).build();
                SparkObjective plain = objective(spark.parallelize(data, 2), 1000)) {
            double[] g1 = new double[5];
            double[] g2 = new double[5];
            assertThat(Math.abs(custom.valueAndGradient(point, g1) - plain.valueAndGradient(half, g2)))
                    .as("scaling z by 0.5 is the plain loss at half the parameters").isLessThan(1e-9);
        }
        assertThatThrownBy(() -> SparkObjective.over(spark.parallelize(data, 2)).loss(scaled).parameters(W, B)
                .data(matrix("X", 1, FEATURES), matrix("y", 1, 1)).batchRows(700).build())
                .as("found on the driver, before the batches are made").isInstanceOf(adjoint.wire.WireFormatException.class)
                .hasMessageContaining("custom op 'scale' is not registered");
    }
}
