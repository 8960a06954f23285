package adjoint.examples;

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
import adjoint.eval.Gradient;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The two seed homework problems, each at two points: the value, the gradient by backprop, the
 * gradient from the hand-derived closed form, and their largest difference.
 * <ol>
 *   <li>{@code f = 1 / (2 + sin(x1 w1)^2 + cos(x2 w2))}</li>
 *   <li>{@code f = ||sigmoid(W x)||^2} with {@code W} 3x3 and {@code x} 3x1</li>
 * </ol>
 */
public final class SeedProblems {

    private SeedProblems() {}

    /** Prints the four comparisons; exits with status 1 if any differs by more than 1e-12. */
    public static void main(String[] args) {
        boolean ok = true;
        for (Comparison c : all()) {
            System.out.println(c.render());
            ok &= c.largestDifference() <= 1e-12;
        }
        System.out.println(ok ? "backprop agrees with every hand-derived gradient to 1e-12"
                : "backprop DISAGREES with a hand-derived gradient");
        if (!ok) {
            System.exit(1);
        }
    }

    /** {@return the four comparisons: each seed problem at its two points} */
    public static List<Comparison> all() {
        double h = Math.PI / 2;
        return List.of(
                first(1, 2, 3, 4),
                first(h, 1, h, 1),
                second(new double[][] {{-1, -2, -3}, {2, 3, 4}, {3, 4, 5}}, new double[] {-1, 3, 2}),
                second(MatrixUtils.createRealIdentityMatrix(3).getData(), new double[] {1, 2, 3}));
    }

    /** {@return seed problem 1, {@code 1 / (2 + sin(x1 w1)^2 + cos(x2 w2))}, at a point} */
    public static Comparison first(double x1v, double w1v, double x2v, double w2v) {
        Scalar x1 = scalar("x1");
        Scalar w1 = scalar("w1");
        Scalar x2 = scalar("x2");
        Scalar w2 = scalar("w2");
        Scalar f = inv(sin(x1.times(w1)).squared().plus(cos(x2.times(w2))).plus(2));
        Gradient g = f.gradientAt(x1, x1v, w1, w1v, x2, x2v, w2, w2v);

        double d = 2 + Math.pow(Math.sin(x1v * w1v), 2) + Math.cos(x2v * w2v);
        double d2 = d * d;
        Map<String, RealMatrix> hand = Comparison.gradients(
                Map.entry("x1", entry(-w1v * Math.sin(2 * x1v * w1v) / d2)),
                Map.entry("w1", entry(-x1v * Math.sin(2 * x1v * w1v) / d2)),
                Map.entry("x2", entry(w2v * Math.sin(x2v * w2v) / d2)),
                Map.entry("w2", entry(x2v * Math.sin(x2v * w2v) / d2)));
        Map<String, RealMatrix> backprop = Comparison.gradients(
                Map.entry("x1", entry(g.of(x1))),
                Map.entry("w1", entry(g.of(w1))),
                Map.entry("x2", entry(g.of(x2))),
                Map.entry("w2", entry(g.of(w2))));
        String title = "f = 1/(2 + sin(x1 w1)^2 + cos(x2 w2)) at (x1, w1, x2, w2) = ("
                + x1v + ", " + w1v + ", " + x2v + ", " + w2v + ")";
        return new Comparison(title, g.value(), backprop, hand);
    }

    /** {@return seed problem 2, {@code ||sigmoid(W x)||^2}, at a point} */
    public static Comparison second(double[][] wv, double[] xv) {
        int n = xv.length;
        Matrix w = matrix("W", n, n);
        Matrix x = vector("x", n);
        Scalar f = sum(sigmoid(w.times(x)).squared());
        Gradient g = f.gradientAt(w, wv, x, xv);

        RealMatrix wm = MatrixUtils.createRealMatrix(wv);
        RealVector xm = MatrixUtils.createRealVector(xv);
        RealVector s = wm.operate(xm).map(z -> 1 / (1 + Math.exp(-z)));
        RealVector u = s.map(si -> 2 * (1 - si) * si * si);
        Map<String, RealMatrix> hand = Comparison.gradients(
                Map.entry("W", u.outerProduct(xm)),
                Map.entry("x", MatrixUtils.createColumnRealMatrix(wm.transpose().operate(u).toArray())));
        Map<String, RealMatrix> backprop = Comparison.gradients(
                Map.entry("W", g.of(w)),
                Map.entry("x", g.of(x)));
        String title = "f = ||sigmoid(W x)||^2 at W = " + Arrays.deepToString(wv)
                + ", x = " + Arrays.toString(xv);
        return new Comparison(title, g.value(), backprop, hand);
    }

    private static RealMatrix entry(double v) {
        return MatrixUtils.createRealMatrix(new double[][] {{v}});
    }
}
