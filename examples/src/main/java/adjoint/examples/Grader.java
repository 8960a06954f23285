package adjoint.examples;

import static adjoint.dsl.Adjoint.at;
import static adjoint.dsl.Adjoint.cos;
import static adjoint.dsl.Adjoint.inv;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.scalar;
import static adjoint.dsl.Adjoint.sigmoid;
import static adjoint.dsl.Adjoint.sin;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.dsl.Adjoint.vector;

import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.Bindings;
import adjoint.eval.Gradient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Grading a hand derivation as a teacher would: backprop of the function as written against
 * the derivative as derived, at a special point and at ordinary ones. Two classic mistakes:
 * <ol>
 *   <li>the function written {@code 1/(2 + sin(x1 w1) + cos(x2 w2))}, its square lost, beside
 *   derivatives that assume the square. At {@code (pi/2, 1, pi/2, 1)} they agree by coincidence;
 *   anywhere else they do not.</li>
 *   <li>the sigmoid's derivative written {@code x (1 - x)} instead of {@code s (1 - s)} in the
 *   gradient of {@code ||sigmoid(W x)||^2}.</li>
 * </ol>
 */
public final class Grader {

    /** Entries that differ by more than this, relatively, are marked wrong. */
    public static final double TOLERANCE = 1e-6;

    private Grader() {}

    /** Grades both derivations and prints every comparison and its verdict. */
    public static void main(String[] args) {
        for (Comparison c : squareLost()) {
            System.out.println(report(c));
        }
        for (Comparison c : sigmoidDerivativeWrong()) {
            System.out.println(report(c));
        }
    }

    /** {@return the function without its square against the hand derivatives with it: at the special point, at (1,2,3,4), at three random points} */
    public static List<Comparison> squareLost() {
        Scalar x1 = scalar("x1");
        Scalar w1 = scalar("w1");
        Scalar x2 = scalar("x2");
        Scalar w2 = scalar("w2");
        Scalar written = inv(sin(x1.times(w1)).plus(cos(x2.times(w2))).plus(2));
        Function<double[], Map<String, RealMatrix>> hand = p -> {
            double d = 2 + Math.pow(Math.sin(p[0] * p[1]), 2) + Math.cos(p[2] * p[3]);
            double d2 = d * d;
            return Comparison.gradients(
                    Map.entry("x1", entry(-p[1] * Math.sin(2 * p[0] * p[1]) / d2)),
                    Map.entry("w1", entry(-p[0] * Math.sin(2 * p[0] * p[1]) / d2)),
                    Map.entry("x2", entry(p[3] * Math.sin(p[2] * p[3]) / d2)),
                    Map.entry("w2", entry(p[2] * Math.sin(p[2] * p[3]) / d2)));
        };
        double h = Math.PI / 2;
        Random random = new Random(2026);
        List<double[]> points = new ArrayList<>(List.of(new double[] {h, 1, h, 1}, new double[] {1, 2, 3, 4}));
        for (int i = 0; i < 3; i++) {
            points.add(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian()});
        }
        return points.stream().map(p -> {
            Gradient g = written.gradientAt(x1, p[0], w1, p[1], x2, p[2], w2, p[3]);
            Map<String, RealMatrix> backprop = Comparison.gradients(Map.entry("x1", entry(g.of(x1))),
                    Map.entry("w1", entry(g.of(w1))), Map.entry("x2", entry(g.of(x2))), Map.entry("w2", entry(g.of(w2))));
            String title = String.format(Locale.ROOT, "square lost: 1/(2 + sin(x1 w1) + cos(x2 w2)) at (%.4g, %.4g, %.4g, %.4g)",
                    p[0], p[1], p[2], p[3]);
            return new Comparison(title, g.value(), backprop, hand.apply(p));
        }).toList();
    }

    /** {@return grad_x of ||sigmoid(W x)||^2 by backprop against a derivation using x (1 - x) for the sigmoid's derivative} */
    public static List<Comparison> sigmoidDerivativeWrong() {
        Matrix w = matrix("W", 3, 3);
        Matrix x = vector("x", 3);
        Scalar f = sum(sigmoid(w.times(x)).squared());
        Random random = new Random(7);
        List<double[][]> ws = new ArrayList<>(List.<double[][]>of(MatrixUtils.createRealIdentityMatrix(3).getData()));
        List<double[]> xs = new ArrayList<>(List.<double[]>of(new double[] {1, 2, 3}));
        for (int i = 0; i < 2; i++) {
            double[][] wv = new double[3][3];
            for (double[] row : wv) {
                for (int j = 0; j < 3; j++) {
                    row[j] = random.nextGaussian();
                }
            }
            ws.add(wv);
            xs.add(new double[] {random.nextGaussian(), random.nextGaussian(), random.nextGaussian()});
        }
        List<Comparison> out = new ArrayList<>();
        for (int k = 0; k < ws.size(); k++) {
            double[][] wk = ws.get(k);
            double[] xk = xs.get(k);
            Bindings point = at(w, wk, x, xk);
            Gradient g = f.gradient(point);
            RealMatrix wm = MatrixUtils.createRealMatrix(wk);
            RealVector z = wm.operate(MatrixUtils.createRealVector(xk));
            RealVector s = z.map(v -> 1 / (1 + Math.exp(-v)));
            RealVector wrong = new ArrayRealVector(3);
            for (int i = 0; i < 3; i++) {
                wrong.setEntry(i, 2 * s.getEntry(i) * z.getEntry(i) * (1 - z.getEntry(i)));
            }
            RealMatrix hand = MatrixUtils.createColumnRealMatrix(wm.transpose().operate(wrong).toArray());
            String title = "sigmoid derivative as x(1 - x): grad_x of ||sigmoid(W x)||^2 at W = "
                    + Arrays.stream(wk).map(Grader::text).collect(Collectors.joining(", ", "[", "]")) + ", x = " + text(xk);
            out.add(new Comparison(title, g.value(), Map.of("x", g.of(x)), Map.of("x", hand)));
        }
        return out;
    }

    /** {@return the comparison with a verdict: which entries disagree beyond {@link #TOLERANCE}, and by how much} */
    public static String report(Comparison c) {
        List<String> wrong = c.disagreements(TOLERANCE);
        return c.render() + (wrong.isEmpty()
                ? "  verdict: the derivation agrees here\n"
                : "  verdict: WRONG at " + String.join(", ", wrong) + "\n");
    }

    private static String text(double[] v) {
        return Arrays.stream(v).mapToObj(d -> String.format(Locale.ROOT, "%.3g", d))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    private static RealMatrix entry(double v) {
        return MatrixUtils.createRealMatrix(new double[][] {{v}});
    }
}
