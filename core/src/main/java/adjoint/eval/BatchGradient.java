package adjoint.eval;

import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import io.vavr.collection.Map;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A loss summed over a data set, and its gradient, computed batch by batch on every core.
 *
 * <p>The loss is a {@link CompiledFunction} whose parameters include the data: a variable
 * {@code x} of {@code k x d} is one batch of {@code k} rows (one row when {@code k} is 1). The
 * data set gives {@code x} a matrix of {@code n x d}, {@code n} a multiple of {@code k}; batch
 * {@code j} binds rows {@code j k} to {@code j k + k - 1} of every data variable. The other
 * parameters are the point, laid out flat as {@link CompiledFunction#valueAndGradient} lays
 * out its own, so {@code batch::valueAndGradient} is an objective for the optimizers:
 * <pre>{@code
 * CompiledFunction rowLoss = loss.compile(w, b, x, y);        // x: 1 x d, y: 1 x 1
 * BatchGradient all = BatchGradient.of(rowLoss, at(x, xs, y, ys));   // xs: n x d, ys: n x 1
 * double total = all.valueAndGradient(point, gradient);        // point and gradient: w, b
 * }</pre>
 *
 * <p>The batches are split into {@value #CHUNKS} contiguous chunks (fewer if there are fewer
 * batches), each summed in order on a {@link ForkJoinPool}, then the chunks' sums added in
 * order: the result depends on the data alone, not on the number of threads or their timing,
 * and {@link #sequential()} gives it bit for bit on the calling thread. Immutable and safe to
 * share between threads; the data set's rows are read by reference, so do not change them
 * while it is in use.
 */
public final class BatchGradient {

    /** The number of chunks the batches are split into, whatever the number of threads. */
    public static final int CHUNKS = 64;

    private final CompiledFunction f;
    private final int[] free;
    private final Layout layout;
    private final int[] data;
    private final double[][][] rows;
    private final int[] batchRows;
    private final int batches;
    private final ForkJoinPool pool;

    private BatchGradient(CompiledFunction f, int[] free, Layout layout, int[] data, double[][][] rows, int[] batchRows,
            int batches, ForkJoinPool pool) {
        this.f = f;
        this.free = free;
        this.layout = layout;
        this.data = data;
        this.rows = rows;
        this.batchRows = batchRows;
        this.batches = batches;
        this.pool = pool;
    }

    /**
     * {@return the loss {@code f} summed over a data set}, on the common ForkJoin pool
     *
     * @param f a scalar loss whose parameters include the data variables
     * @param dataSet a value for each data variable: its rows, a multiple of the variable's rows
     * @throws ShapeMismatchException if {@code f} is not a scalar, or a data value's columns or
     *     rows do not fit its variable
     * @throws IllegalArgumentException if a data variable is not a parameter of {@code f}, the
     *     data variables give different numbers of batches, or no parameter is left to
     *     differentiate
     */
    public static BatchGradient of(CompiledFunction f, Bindings dataSet) {
        Objects.requireNonNull(f, "f is null");
        Objects.requireNonNull(dataSet, "data set is null");
        if (!f.shape().isScalar()) {
            throw new ShapeMismatchException("batch gradient: the loss is " + f.shape() + ", not a scalar; reduce it first");
        }
        List<Leaf.Variable> parameters = f.parameters();
        List<String> names = parameters.stream().map(Leaf.Variable::name).toList();
        for (String name : dataSet.names()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("the data set binds " + name + ", which is not a parameter of the loss; its"
                        + " parameters are " + names);
            }
        }
        List<Integer> freeIndexes = new ArrayList<>();
        List<Integer> dataIndexes = new ArrayList<>();
        double[][][] given = new double[parameters.size()][][];
        int[] perBatch = new int[parameters.size()];
        int batches = -1;
        String first = null;
        for (int k = 0; k < parameters.size(); k++) {
            Leaf.Variable v = parameters.get(k);
            RealMatrix m = dataSet.peek(v.name());
            if (m == null) {
                freeIndexes.add(k);
                continue;
            }
            Shape s = v.shape();
            int n = m.getRowDimension();
            if (m.getColumnDimension() != s.cols() || n % s.rows() != 0) {
                throw new ShapeMismatchException("data variable " + v.name() + " is " + s + ", so its data needs " + s.cols()
                        + " columns and a multiple of " + s.rows() + " rows; got " + n + "x" + m.getColumnDimension());
            }
            int b = n / s.rows();
            if (batches >= 0 && b != batches) {
                throw new IllegalArgumentException("data variable " + v.name() + " gives " + b + " batches but " + first
                        + " gives " + batches);
            }
            batches = b;
            first = first == null ? v.name() : first;
            dataIndexes.add(k);
            given[k] = Layout.rows(m);
            perBatch[k] = s.rows();
        }
        if (dataIndexes.isEmpty()) {
            throw new IllegalArgumentException("the data set binds no variable; give each data variable its rows");
        }
        if (freeIndexes.isEmpty()) {
            throw new IllegalArgumentException("every parameter of the loss is data: nothing is left to differentiate");
        }
        int[] free = freeIndexes.stream().mapToInt(Integer::intValue).toArray();
        Layout layout = Layout.of(freeIndexes.stream().map(parameters::get).toList());
        return new BatchGradient(f, free, layout, dataIndexes.stream().mapToInt(Integer::intValue).toArray(), given,
                perBatch, batches, ForkJoinPool.commonPool());
    }

    /**
     * {@return this sum computed on the given pool}: {@code new ForkJoinPool(2)} for two threads
     *
     * @param pool the pool
     */
    public BatchGradient on(ForkJoinPool pool) {
        return new BatchGradient(f, free, layout, data, rows, batchRows, batches, Objects.requireNonNull(pool, "pool is null"));
    }

    /** {@return this sum computed on the calling thread alone}, with the same result bit for bit */
    public BatchGradient sequential() {
        return new BatchGradient(f, free, layout, data, rows, batchRows, batches, null);
    }

    /** {@return the parameters the point holds, in order: the loss's parameters that are not data} */
    public List<Leaf.Variable> parameters() {
        return layout.parameters();
    }

    /** {@return how the parameters are laid out in a flat point} */
    public Layout layout() {
        return layout;
    }

    /** {@return the number of entries of a flat point} */
    public int dimension() {
        return layout.dimension();
    }

    /** {@return the number of batches in the data set} */
    public int batches() {
        return batches;
    }

    /**
     * {@return the loss summed over every batch at a flat point}, and writes its gradient
     *
     * @param point {@link #dimension()} entries
     * @param gradientOut receives the summed gradient, laid out as {@code point}
     */
    public double valueAndGradient(double[] point, double[] gradientOut) {
        layout.checkLength("point", point);
        layout.checkLength("gradient", gradientOut);
        int chunks = Math.min(CHUNKS, batches);
        double[][] sums = new double[chunks][];
        double[] values = new double[chunks];
        if (pool == null) {
            for (int c = 0; c < chunks; c++) {
                sums[c] = new double[point.length];
                values[c] = chunk(c, chunks, point, sums[c]);
            }
        } else {
            List<ForkJoinTask<?>> tasks = new ArrayList<>(chunks);
            for (int c = 0; c < chunks; c++) {
                int chunk = c;
                tasks.add(ForkJoinTask.adapt(() -> {
                    sums[chunk] = new double[point.length];
                    values[chunk] = chunk(chunk, chunks, point, sums[chunk]);
                }));
            }
            pool.invoke(ForkJoinTask.adapt(() -> ForkJoinTask.invokeAll(tasks)));
        }
        Arrays.fill(gradientOut, 0.0);
        double value = 0;
        for (int c = 0; c < chunks; c++) {
            value += values[c];
            for (int i = 0; i < gradientOut.length; i++) {
                gradientOut[i] += sums[c][i];
            }
        }
        return value;
    }

    /**
     * {@return the loss of one batch at a flat point}, and writes its gradient: a mini-batch
     * step
     *
     * @param batch the batch, from 0 to {@link #batches()} - 1
     * @param point {@link #dimension()} entries
     * @param gradientOut receives the batch's gradient, laid out as {@code point}
     */
    public double batchValueAndGradient(int batch, double[] point, double[] gradientOut) {
        Objects.checkIndex(batch, batches);
        layout.checkLength("point", point);
        layout.checkLength("gradient", gradientOut);
        Arrays.fill(gradientOut, 0.0);
        return f.accumulate(batch(batch), point, gradientOut);
    }

    /**
     * {@return the loss summed over every batch and its gradient at a point} that binds every non-data parameter
     *
     * @param at a value for every parameter that is not data
     */
    public Gradient gradient(Bindings at) {
        double[] g = new double[dimension()];
        double value = valueAndGradient(layout.flatten(at), g);
        Map<String, double[][]> out = Gradient.emptyMap();
        for (int j = 0; j < free.length; j++) {
            out = out.put(layout.parameters().get(j).name(), layout.part(g, j));
        }
        return new Gradient(value, out);
    }

    /** Sums chunk {@code c} of {@code chunks} into {@code sum}; {@return its value} */
    private double chunk(int c, int chunks, double[] point, double[] sum) {
        int from = (int) ((long) batches * c / chunks);
        int to = (int) ((long) batches * (c + 1) / chunks);
        double value = 0;
        for (int b = from; b < to; b++) {
            value += f.accumulate(batch(b), point, sum);
        }
        return value;
    }

    /** {@return batch {@code b}: the free parameters and the rows of each data parameter, by reference} */
    private Batch batch(int b) {
        double[][][] given = new double[rows.length][][];
        for (int k : data) {
            given[k] = Arrays.copyOfRange(rows[k], b * batchRows[k], (b + 1) * batchRows[k]);
        }
        return new Batch(free, layout, given);
    }
}
