package adjoint.bench;

import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import static adjoint.dsl.Adjoint.constant;
import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.dsl.Adjoint.tanh;

import adjoint.dsl.Matrix;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.symbolic.SecondOrder;
import adjoint.eval.Gradient;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/** {@code mlp}: X 256x64 (constant), W1 64x128, W2 128x10; loss {@code sum((tanh(X W1) W2)^2)}; gradient w.r.t. W1 and W2. */
final class MlpWorkload {

    final RealMatrix x;
    final RealMatrix w1;
    final RealMatrix w2;
    final CompiledFunction f;
    /** Forward mode and second order at the workload's point. */
    final SecondOrderWorkload second;

    MlpWorkload() {
        Random r = new Random(64);
        this.x = gaussian(r, 256, 64, 1);
        this.w1 = gaussian(r, 64, 128, 1 / Math.sqrt(64));
        this.w2 = gaussian(r, 128, 10, 1 / Math.sqrt(128));
        Matrix w1t = matrix("W1", 64, 128);
        Matrix w2t = matrix("W2", 128, 10);
        this.f = sum(tanh(constant(x).times(w1t)).times(w2t).squared()).compile(w1t, w2t);
        this.second = new SecondOrderWorkload(f, SecondOrder.of(sum(tanh(constant(x).times(w1t)).times(w2t).squared()), w1t, w2t),
                f.layout().flatten(Bindings.of("W1", w1).and("W2", w2)));
    }

    /** {@return adjoint's compiled gradient, both matrices read out, against the gradient written by hand with Commons Math} */
    Line run(Timer timer) {
        return new Line("mlp", 256L * 64 * 128, timer.median(() -> gradient(f)), List.of()).with("hand", timer.median(this::hand));
    }

    /** {@return the value and both gradients, read out as the user would} */
    Object gradient(CompiledFunction c) {
        Gradient g = c.gradientByPosition(w1, w2);
        return new Object[] {g.value(), g.matrix("W1"), g.matrix("W2")};
    }

    /** {@return the forward pass alone} */
    double forward(CompiledFunction c) {
        return c.value(Bindings.of("W1", w1).and("W2", w2));
    }

    /** {@return the closed form: H = tanh(X W1), Y = H W2, dY = 2Y, grad_W2 = H^T dY, grad_W1 = X^T ((dY W2^T) .* (1 - H^2))} */
    Object hand() {
        RealMatrix h = x.multiply(w1);
        h.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
            @Override
            public double visit(int i, int j, double v) {
                return Math.tanh(v);
            }
        });
        RealMatrix y = h.multiply(w2);
        double value = y.getFrobeniusNorm() * y.getFrobeniusNorm();
        RealMatrix dy = y.scalarMultiply(2);
        RealMatrix gw2 = h.transpose().multiply(dy);
        RealMatrix dh = dy.multiply(w2.transpose());
        for (int i = 0; i < dh.getRowDimension(); i++) {
            for (int j = 0; j < dh.getColumnDimension(); j++) {
                double hv = h.getEntry(i, j);
                dh.multiplyEntry(i, j, 1 - hv * hv);
            }
        }
        RealMatrix gw1 = x.transpose().multiply(dh);
        return new Object[] {value, gw1, gw2};
    }

    private static RealMatrix gaussian(Random r, int rows, int cols, double scale) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) {
            for (int j = 0; j < cols; j++) {
                row[j] = scale * r.nextGaussian();
            }
        }
        // Row-major, read by adjoint without a copy (see VectorQ2Workload).
        return new Array2DRowRealMatrix(d, false);
    }
}
