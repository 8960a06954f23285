package adjoint.spark;

import adjoint.eval.Layout;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Term;
import adjoint.optim.Objective;
import adjoint.wire.WireFormat;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A loss summed over rows that Apache Spark distributes: an {@link Objective}, so the library's
 * optimizers run unchanged on the driver. The loss is written for a batch of rows; it travels
 * to the executors in the {@link WireFormat} and is compiled once per executor JVM. The rows
 * are grouped once into batches by their order in the data set (a last, shorter batch gets a
 * loss of its own shape) and cached; each call broadcasts the parameters, computes every batch's
 * value and gradient where its rows are, and adds them on the driver in batch order, so the
 * result is the same bit for bit however the rows are partitioned. With
 * {@link Builder#treeAggregate()} the batches are added where they are and combined in a tree:
 * less sent to the driver for a large model, but the order of the additions, and so the last
 * bits, depend on the partitioning and on which tasks finish first.
 *
 * <pre>{@code
 * SparkObjective loss = SparkObjective.over(rows)        // a JavaRDD<double[]>: 8 features, then the label
 *         .loss(n -> logLoss(n))                           // the loss of n rows, data variables X (n x 8), y (n x 1)
 *         .parameters(w, b).data(X, y).batchRows(1000).build();
 * Training t = Adam.of(0.1).minimize(loss, new double[loss.dimension()], 100);
 * }</pre>
 */
public final class SparkObjective implements Objective, AutoCloseable {

    private final JavaSparkContext context;
    private final JavaRDD<Block> blocks;
    private final Shapes shapes;
    private final Layout layout;
    private final long rows;
    private final long batches;
    private final boolean tree;

    private SparkObjective(JavaSparkContext context, JavaRDD<Block> blocks, Shapes shapes, Layout layout, long rows, long batches,
            boolean tree) {
        this.context = context;
        this.blocks = blocks;
        this.shapes = shapes;
        this.layout = layout;
        this.rows = rows;
        this.batches = batches;
        this.tree = tree;
    }

    /**
     * {@return a builder over these rows}: each row a data point, its entries filling the data
     * variables' columns in order
     *
     * @param rows the data set
     */
    public static Builder over(JavaRDD<double[]> rows) {
        return new Builder(Objects.requireNonNull(rows, "rows is null"));
    }

    /**
     * {@return a builder over the numeric columns of a data set}: each row's values in those
     * columns, in that order, fill the data variables' columns, as a {@code double[]} row would
     *
     * @param rows the data set
     * @param columns the columns, each of a numeric type
     * @throws IllegalArgumentException if a column is missing
     */
    public static Builder over(Dataset<Row> rows, String... columns) {
        Objects.requireNonNull(rows, "rows is null");
        if (columns.length == 0) {
            throw new IllegalArgumentException("name the numeric columns to read");
        }
        List<String> known = Arrays.asList(rows.columns());
        for (String c : columns) {
            if (!known.contains(c)) {
                throw new IllegalArgumentException("the data set has no column " + c + "; its columns are " + known);
            }
        }
        String[] names = columns.clone();
        Column[] selected = Arrays.stream(names).map(rows::col).toArray(Column[]::new);
        JavaRDD<double[]> numbers = rows.select(selected).javaRDD().map(r -> {
            double[] d = new double[r.length()];
            for (int i = 0; i < d.length; i++) {
                Object v = r.get(i);
                if (!(v instanceof Number n)) {
                    throw new RowException("column " + names[i] + " holds " + (v == null ? "null" : "'" + v + "'") + ", not a number, in row "
                            + r);
                }
                d[i] = n.doubleValue();
            }
            return d;
        });
        return new Builder(numbers);
    }

    /** {@return the number of entries of a point: the parameters'} */
    public int dimension() {
        return layout.dimension();
    }

    /** {@return how the parameters are laid out in a point} */
    public Layout layout() {
        return layout;
    }

    /** {@return the number of rows} */
    public long rows() {
        return rows;
    }

    /** {@return the number of batches, the last perhaps shorter} */
    public long batches() {
        return batches;
    }

    /**
     * {@return the loss summed over every row at {@code point}}, its gradient written into
     * {@code gradientOut}: one Spark job
     *
     * @param point the parameters, laid out as {@link #layout()} says
     * @param gradientOut receives the gradient, as many entries
     */
    @Override
    public double valueAndGradient(double[] point, double[] gradientOut) {
        int d = dimension();
        if (Objects.requireNonNull(point, "point is null").length != d || Objects.requireNonNull(gradientOut, "gradient is null").length != d) {
            throw new IllegalArgumentException("the parameters have " + d + " entries; got a point of " + point.length
                    + " and a gradient of " + gradientOut.length);
        }
        Broadcast<double[]> at = context.broadcast(point.clone());
        Shapes s = shapes;
        try {
            Sum total;
            if (tree) {
                total = blocks.treeAggregate(new Sum(-1, 0, new double[d]), (sum, b) -> sum.plus(evaluate(s, b, at.value(), d)), Sum::plus);
            } else {
                List<Sum> each = new ArrayList<>(blocks.map(b -> evaluate(s, b, at.value(), d)).collect());
                each.sort(Comparator.comparingLong(Sum::batch));
                double value = each.get(0).value();
                double[] g = each.get(0).gradient().clone();
                for (int k = 1; k < each.size(); k++) {
                    value += each.get(k).value();
                    double[] gk = each.get(k).gradient();
                    for (int i = 0; i < d; i++) {
                        g[i] += gk[i];
                    }
                }
                total = new Sum(-1, value, g);
            }
            System.arraycopy(total.gradient(), 0, gradientOut, 0, d);
            return total.value();
        } catch (Exception e) {
            throw unwrap(e);
        } finally {
            at.destroy();
        }
    }

    /** {@return one batch's value and gradient} */
    private static Sum evaluate(Shapes s, Block b, double[] point, int d) {
        double[] g = new double[d];
        double v = s.batch(b, point, g);
        return new Sum(b.batch(), v, g);
    }

    /** Drops the cached batches. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }

    /** How a {@link SparkObjective} is made. */
    public static final class Builder {
        private final JavaRDD<double[]> rows;
        private IntFunction<? extends Term> loss;
        private List<Leaf.Variable> parameters = List.of();
        private List<String> data = List.of();
        private int batchRows = 1000;
        private boolean tree;
        private WireFormat wire = WireFormat.standard();

        private Builder(JavaRDD<double[]> rows) {
            this.rows = rows;
        }

        /**
         * {@return this builder with the loss of {@code n} rows}: a scalar expression of the
         * parameters and of data variables of {@code n} rows; called on the driver, twice at most
         *
         * @param lossOfRows the loss of a batch of the given number of rows
         */
        public Builder loss(IntFunction<? extends Term> lossOfRows) {
            this.loss = Objects.requireNonNull(lossOfRows, "loss is null");
            return this;
        }

        /**
         * {@return this builder with the parameters, in the order of a point}
         *
         * @param parameters variables of the loss
         */
        public Builder parameters(Term... parameters) {
            List<Leaf.Variable> vars = new ArrayList<>();
            for (Term t : parameters) {
                if (!(Objects.requireNonNull(t, "a parameter is null").expr() instanceof Leaf.Variable v)) {
                    throw new IllegalArgumentException("not a variable: " + t.expr());
                }
                vars.add(v);
            }
            this.parameters = List.copyOf(vars);
            return this;
        }

        /**
         * {@return this builder with the data variables, in the order a row's entries fill their columns}
         *
         * @param data variables of the loss whose rows are the batch's
         */
        public Builder data(Term... data) {
            List<String> names = new ArrayList<>();
            for (Term t : data) {
                if (!(Objects.requireNonNull(t, "a data variable is null").expr() instanceof Leaf.Variable v)) {
                    throw new IllegalArgumentException("not a variable: " + t.expr());
                }
                names.add(v.name());
            }
            this.data = List.copyOf(names);
            return this;
        }

        /**
         * {@return this builder with batches of {@code n} rows} (1000 unless set)
         *
         * @param n the rows of a batch, positive
         */
        public Builder batchRows(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("batch rows is " + n + ", expected a positive number");
            }
            this.batchRows = n;
            return this;
        }

        /**
         * {@return this builder sending the loss in this wire form}: the one with the custom ops
         * the loss uses registered; their classes must be on the executors' class path
         *
         * @param format the wire form
         */
        public Builder wireFormat(WireFormat format) {
            this.wire = Objects.requireNonNull(format, "format is null");
            return this;
        }

        /** {@return this builder adding the batches in a tree where they are: less to the driver, not bit-reproducible} */
        public Builder treeAggregate() {
            this.tree = true;
            return this;
        }

        /**
         * {@return the objective}: checks every row (width, NaN, infinities), groups the rows into
         * batches and caches them, in a few Spark jobs; cache {@code rows} first if they are costly
         * to compute, as they are read more than once
         *
         * @throws RowException naming the partition and row of a row the loss cannot take
         * @throws IllegalArgumentException if the loss, the parameters or the data variables are missing or do not fit
         */
        public SparkObjective build() {
            if (loss == null || parameters.isEmpty() || data.isEmpty()) {
                throw new IllegalArgumentException("give the loss, the parameters and the data variables");
            }
            Expr full = Objects.requireNonNull(loss.apply(batchRows), "the loss is null").expr();
            int[] widths = widths(full, batchRows);
            int width = Arrays.stream(widths).sum();
            List<String> names = parameters.stream().map(Leaf.Variable::name).toList();
            JavaRDD<double[]> checked = rows.mapPartitionsWithIndex((partition, it) -> check(partition, it, width), true);
            long n;
            try {
                n = checked.count();
            } catch (Exception e) {
                // A failed job is a SparkException, which Scala throws unchecked though Java counts it checked.
                throw unwrap(e);
            }
            if (n == 0) {
                throw new IllegalArgumentException("the data set has no rows");
            }
            long remainder = n % batchRows;
            String lastWire = null;
            if (remainder > 0) {
                Expr last = Objects.requireNonNull(loss.apply((int) remainder), "the loss is null").expr();
                widths(last, (int) remainder);
                lastWire = wire.write(last);
            }
            Shapes shapes = new Shapes(wire.write(full), lastWire, names, data, new java.util.HashMap<>(wire.customs()));
            // Read back here first, as the executors will: a custom op the wire form cannot read fails now, on the driver.
            wire.read(shapes.full());
            int batch = batchRows;
            int[] w = widths;
            JavaRDD<Block> blocks = rows.zipWithIndex()
                    .mapToPair(t -> new Tuple2<>(t._2() / batch, new Tuple2<>(t._2(), t._1())))
                    .groupByKey(Math.max(1, rows.getNumPartitions()))
                    .map(g -> block(g._1(), g._2(), w))
                    .persist(StorageLevel.MEMORY_ONLY());
            long count = blocks.count();
            JavaSparkContext context = JavaSparkContext.fromSparkContext(rows.context());
            return new SparkObjective(context, blocks, shapes, Layout.of(parameters), n, count, tree);
        }

        /** {@return each data variable's columns}, checked to be variables of the loss with {@code n} rows */
        private int[] widths(Expr loss, int n) {
            if (!loss.shape().isScalar()) {
                throw new IllegalArgumentException("the loss is " + loss.shape() + ", not a scalar");
            }
            List<Leaf.Variable> vars = adjoint.eval.CompiledFunction.of(loss).parameters();
            int[] widths = new int[data.size()];
            for (int k = 0; k < data.size(); k++) {
                String name = data.get(k);
                Leaf.Variable v = vars.stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("the loss of " + n + " rows has no data variable " + name));
                if (v.shape().rows() != n) {
                    throw new IllegalArgumentException("data variable " + name + " is " + v.shape() + " in the loss of " + n
                            + " rows: it must have " + n + " rows");
                }
                widths[k] = v.shape().cols();
            }
            for (Leaf.Variable p : parameters) {
                if (vars.stream().noneMatch(x -> x.name().equals(p.name()))) {
                    throw new IllegalArgumentException("the loss has no parameter " + p.name());
                }
            }
            return widths;
        }
    }

    /** Checks each row of a partition, passing it on. */
    private static Iterator<double[]> check(int partition, Iterator<double[]> it, int width) {
        return new Iterator<>() {
            private long row;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public double[] next() {
                double[] r = it.next();
                if (r == null || r.length != width) {
                    throw new RowException("partition " + partition + ", row " + row + ": " + (r == null ? "null"
                            : r.length + " entries") + " where the data variables take " + width);
                }
                for (int j = 0; j < r.length; j++) {
                    if (!Double.isFinite(r[j])) {
                        throw new RowException("partition " + partition + ", row " + row + ": entry " + j + " is " + r[j]);
                    }
                }
                row++;
                return r;
            }
        };
    }

    /** {@return the batch's rows, in their order in the data set, split among the data variables} */
    private static Block block(long batch, Iterable<Tuple2<Long, double[]>> rows, int[] widths) {
        List<Tuple2<Long, double[]>> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(Comparator.comparing(Tuple2::_1));
        double[][][] data = new double[widths.length][sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            double[] r = sorted.get(i)._2();
            int at = 0;
            for (int k = 0; k < widths.length; k++) {
                data[k][i] = Arrays.copyOfRange(r, at, at + widths[k]);
                at += widths[k];
            }
        }
        return new Block(batch, data);
    }

    /** {@return the RowException a failed job carries, or the failure itself, unchecked} */
    private static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RowException r) {
                return new RowException(r.getMessage());
            }
            if (t instanceof SparkException && t.getMessage() != null && t.getMessage().contains(RowException.class.getName() + ": ")) {
                String m = t.getMessage().substring(t.getMessage().indexOf(RowException.class.getName() + ": ")
                        + RowException.class.getName().length() + 2);
                return new RowException(m.lines().findFirst().orElse(m));
            }
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException("the Spark job failed: " + e.getMessage(), e);
    }

    /** One batch's value and gradient, or a sum of them. */
    record Sum(long batch, double value, double[] gradient) implements Serializable {
        private static final long serialVersionUID = 1L;

        Sum plus(Sum o) {
            double[] g = gradient.clone();
            for (int i = 0; i < g.length; i++) {
                g[i] += o.gradient[i];
            }
            return new Sum(-1, value + o.value, g);
        }
    }
}
