package adjoint.examples;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.constant;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.softmaxCrossEntropy;
import static adjoint.dsl.Adjoint.tanh;

import adjoint.dsl.Matrix;
import adjoint.eval.BatchGradient;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Layout;
import adjoint.optim.Adam;
import adjoint.optim.Optimizer;
import adjoint.optim.Training;
import adjoint.wire.SavedModel;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A two-layer network ({@code tanh}, 16 hidden units) trained on two interleaving half moons by
 * mini-batch gradient descent with the library's {@link Adam}, each mini-batch one batch of a
 * {@link BatchGradient} over the shuffled data. Prints progress
 * every 25 epochs and writes the loss curve and the decision boundary as PNG files (XChart).
 */
public final class TwoMoons {

    static final int POINTS = 200;
    static final int HIDDEN = 16;
    static final int BATCH = 20;
    static final double LEARNING_RATE = 0.03;

    private TwoMoons() {}

    /**
     * A trained network and how training went.
     *
     * @param w1 first layer weights, 2 x 16
     * @param b1 first layer biases, 1 x 16
     * @param w2 second layer weights, 16 x 2
     * @param b2 second layer biases, 1 x 2
     * @param losses the mean loss of each epoch
     * @param accuracy the final accuracy on the training set
     * @param seconds how long training took
     * @param model the trained model: the batch loss, the four parameters and Adam's state, to save
     */
    public record Trained(RealMatrix w1, RealMatrix b1, RealMatrix w2, RealMatrix b2, List<Double> losses, double accuracy,
            double seconds, SavedModel model) {}

    /** Where {@link #main} saves the trained model. */
    static final Path MODEL = Path.of("target", "models", "two-moons.model");

    /** Trains, prints progress, writes the pictures (to {@code target/pictures} or the first argument). */
    public static void main(String[] args) throws IOException {
        double[][] data = moons(new Random(42));
        Trained t = train(data, 200, true);
        System.out.printf(Locale.ROOT, "trained in %.2f s: training accuracy %.1f%%%n", t.seconds(), 100 * t.accuracy());
        Path dir = Path.of(args.length > 0 ? args[0] : "target/pictures");
        for (Path p : plot(t, data, dir)) {
            System.out.println("wrote " + p);
        }
        Files.createDirectories(MODEL.getParent());
        t.model().save(MODEL);
        System.out.println("saved the model to " + MODEL);
    }

    /** {@return two interleaving half moons with Gaussian noise 0.1: rows (x, y, label)} */
    public static double[][] moons(Random r) {
        double[][] d = new double[POINTS][3];
        for (int i = 0; i < POINTS; i++) {
            double theta = Math.PI * r.nextDouble();
            boolean upper = i % 2 == 0;
            d[i][0] = (upper ? Math.cos(theta) : 1 - Math.cos(theta)) + 0.1 * r.nextGaussian();
            d[i][1] = (upper ? Math.sin(theta) : 0.5 - Math.sin(theta)) + 0.1 * r.nextGaussian();
            d[i][2] = upper ? 0 : 1;
        }
        return d;
    }

    /** {@return the network's logits {@code tanh(X W1 + 1 b1) W2 + 1 b2} for a batch {@code X} of {@code rows} points} */
    static Matrix logits(Matrix x, Matrix w1, Matrix b1, Matrix w2, Matrix b2, int rows) {
        Matrix ones = constant(MatrixUtils.createRealMatrix(rows, 1).scalarAdd(1));
        return tanh(x.times(w1).plus(ones.times(b1))).times(w2).plus(ones.times(b2));
    }

    /** {@return the network trained for {@code epochs} epochs with Adam, printing progress if asked} */
    public static Trained train(double[][] data, int epochs, boolean print) {
        long start = System.nanoTime();
        Matrix w1 = matrix("W1", 2, HIDDEN);
        Matrix b1 = matrix("b1", 1, HIDDEN);
        Matrix w2 = matrix("W2", HIDDEN, 2);
        Matrix b2 = matrix("b2", 1, 2);
        Matrix x = matrix("X", BATCH, 2);
        Matrix y = matrix("Y", BATCH, 2);
        var lossExpression = softmaxCrossEntropy(logits(x, w1, b1, w2, b2, BATCH), y);
        CompiledFunction batchLoss = lossExpression.compile(w1, b1, w2, b2, x, y);

        Random r = new Random(7);
        Bindings init = at(w1, gaussian(r, 2, HIDDEN, 1), b1, new double[1][HIDDEN],
                w2, gaussian(r, HIDDEN, 2, 1 / Math.sqrt(HIDDEN)), b2, new double[1][2]);
        Layout layout = Layout.of(batchLoss.parameters().subList(0, 4));
        double[] point = layout.flatten(init);
        double[] gradient = new double[point.length];
        Optimizer.Run adam = Adam.of(LEARNING_RATE).start(point.length);
        List<Double> losses = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.length; i++) {
            order.add(i);
        }
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Collections.shuffle(order, r);
            BatchGradient batches = BatchGradient.of(batchLoss, shuffled(data, order, x, y));
            double total = 0;
            for (int b = 0; b < batches.batches(); b++) {
                total += batches.batchValueAndGradient(b, point, gradient);
                adam.step(point, gradient);
            }
            losses.add(total / batches.batches());
            if (print && (epoch % 25 == 0 || epoch == 1)) {
                System.out.printf(Locale.ROOT, "epoch %3d  loss %.4f  accuracy %.1f%%%n", epoch, losses.getLast(),
                        100 * accuracy(parameters(layout, point), data));
            }
        }
        RealMatrix[] params = parameters(layout, point);
        SavedModel model = SavedModel.of(lossExpression, List.of(w1, b1, w2, b2), point).trainedBy(Adam.of(LEARNING_RATE),
                new Training(point, losses.stream().mapToDouble(Double::doubleValue).toArray(), adam.state()));
        return new Trained(params[0], params[1], params[2], params[3], losses, accuracy(params, data),
                (System.nanoTime() - start) / 1e9, model);
    }

    /** {@return the data's points and one-hot labels, in the given order, as values of {@code x} and {@code y}} */
    private static Bindings shuffled(double[][] data, List<Integer> order, Matrix x, Matrix y) {
        double[][] xs = new double[data.length][];
        double[][] ys = new double[data.length][2];
        for (int k = 0; k < data.length; k++) {
            double[] row = data[order.get(k)];
            xs[k] = new double[] {row[0], row[1]};
            ys[k][(int) row[2]] = 1;
        }
        return at(x, xs, y, ys);
    }

    /** {@return the four parameter matrices held in a flat point} */
    private static RealMatrix[] parameters(Layout layout, double[] point) {
        RealMatrix[] out = new RealMatrix[4];
        for (int k = 0; k < 4; k++) {
            out[k] = MatrixUtils.createRealMatrix(layout.part(point, k));
        }
        return out;
    }

    /** {@return each point's predicted class, 0 or 1} */
    static int[] predict(RealMatrix[] params, double[][] points) {
        Matrix w1 = matrix("W1", 2, HIDDEN);
        Matrix b1 = matrix("b1", 1, HIDDEN);
        Matrix w2 = matrix("W2", HIDDEN, 2);
        Matrix b2 = matrix("b2", 1, 2);
        double[][] xs = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            xs[i] = new double[] {points[i][0], points[i][1]};
        }
        RealMatrix z = logits(constant(xs), w1, b1, w2, b2, points.length).valueAt(w1, params[0], b1, params[1], w2, params[2],
                b2, params[3]);
        int[] classes = new int[points.length];
        for (int i = 0; i < points.length; i++) {
            classes[i] = z.getEntry(i, 1) > z.getEntry(i, 0) ? 1 : 0;
        }
        return classes;
    }

    static double accuracy(RealMatrix[] params, double[][] data) {
        int[] predicted = predict(params, data);
        int right = 0;
        for (int i = 0; i < data.length; i++) {
            right += predicted[i] == (int) data[i][2] ? 1 : 0;
        }
        return right / (double) data.length;
    }

    /** {@return the paths of the loss curve and the decision boundary, written as PNG files in {@code dir}} */
    public static List<Path> plot(Trained t, double[][] data, Path dir) throws IOException {
        Files.createDirectories(dir);
        XYChart curve = new XYChartBuilder().width(640).height(400).title("Two moons: training loss")
                .xAxisTitle("epoch").yAxisTitle("mean softmax cross-entropy").build();
        double[] epochs = new double[t.losses().size()];
        double[] losses = new double[t.losses().size()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = i + 1;
            losses[i] = t.losses().get(i);
        }
        XYSeries s = curve.addSeries("loss", epochs, losses);
        s.setMarker(SeriesMarkers.NONE);
        curve.getStyler().setLegendVisible(false);
        curve.getStyler().setYAxisLogarithmic(true);
        // Labels on round epochs only: XChart puts a tick every 10 epochs, whose labels run together past 100.
        int step = labelStep(epochs.length);
        curve.getStyler().setXAxisMin(0.0).setXAxisMax((double) epochs.length)
                .setxAxisTickLabelsFormattingFunction(x -> epochLabel(x, step));
        Path lossPath = dir.resolve("two-moons-loss.png");
        BitmapEncoder.saveBitmap(curve, lossPath.toString(), BitmapEncoder.BitmapFormat.PNG);

        XYChart map = new XYChartBuilder().width(640).height(480).title(String.format(Locale.ROOT,
                "Two moons: decision boundary (training accuracy %.1f%%)", 100 * t.accuracy())).xAxisTitle("x").yAxisTitle("y").build();
        map.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        int n = 70;
        double[][] grid = new double[n * n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid[i * n + j] = new double[] {-1.6 + 4.2 * i / (n - 1), -1.2 + 2.9 * j / (n - 1)};
            }
        }
        int[] regions = predict(new RealMatrix[] {t.w1(), t.b1(), t.w2(), t.b2()}, grid);
        addPoints(map, "region 0", grid, regions, 0, new Color(255, 214, 170), 4);
        addPoints(map, "region 1", grid, regions, 1, new Color(176, 205, 240), 4);
        int[] labels = new int[data.length];
        for (int i = 0; i < data.length; i++) {
            labels[i] = (int) data[i][2];
        }
        addPoints(map, "class 0", data, labels, 0, new Color(214, 96, 0), 7);
        addPoints(map, "class 1", data, labels, 1, new Color(20, 80, 170), 7);
        Path mapPath = dir.resolve("two-moons-boundary.png");
        BitmapEncoder.saveBitmap(map, mapPath.toString(), BitmapEncoder.BitmapFormat.PNG);
        return List.of(lossPath, mapPath);
    }

    /**
     * {@return the step between labelled epochs: the smallest of 1, 2, 5, 10, 25, 50, 100, 250,
     * ... that gives at most eight steps}
     *
     * @param epochs the number of epochs plotted
     */
    static int labelStep(int epochs) {
        int[] nice = {1, 2, 5};
        for (long scale = 1; ; scale *= 10) {
            for (int n : scale >= 10 ? new int[] {10, 25, 50} : nice) {
                long step = scale >= 10 ? n * (scale / 10) : n;
                if (step * 8 >= epochs) {
                    return (int) step;
                }
            }
        }
    }

    /**
     * {@return an axis label: the epoch if it is a multiple of {@code step}, else nothing}
     *
     * @param x where a tick falls
     * @param step the step between labels
     */
    static String epochLabel(double x, int step) {
        long epoch = Math.round(x);
        return Math.abs(x - epoch) < 1e-6 && epoch % step == 0 ? Long.toString(epoch) : "";
    }

    private static void addPoints(XYChart chart, String name, double[][] points, int[] classes, int which, Color color,
            int size) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            if (classes[i] == which) {
                xs.add(points[i][0]);
                ys.add(points[i][1]);
            }
        }
        if (xs.isEmpty()) {
            return;
        }
        XYSeries s = chart.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        chart.getStyler().setMarkerSize(size);
    }

    private static RealMatrix gaussian(Random r, int rows, int cols, double scale) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * r.nextGaussian();
            }
        }
        return MatrixUtils.createRealMatrix(d);
    }
}
