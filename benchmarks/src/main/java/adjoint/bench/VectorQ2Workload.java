package adjoint.bench;

import static adjoint.dsl.Adjoint.matrix;
import static adjoint.dsl.Adjoint.sigmoid;
import static adjoint.dsl.Adjoint.sum;
import static adjoint.dsl.Adjoint.vector;

import adjoint.dsl.Matrix;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.symbolic.SecondOrder;
import adjoint.eval.Gradient;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/** {@code vector_q2 N}: the gradient of {@code ||sigmoid(W x)||^2} with respect to W (N x N) and x (N x 1), Gaussian entries. */
final class VectorQ2Workload {

    final int n;
    final RealMatrix w;
    final RealMatrix x;
    final CompiledFunction f;
    /** Forward mode and second order at the workload's point. */
    final SecondOrderWorkload second;

    VectorQ2Workload(int n) {
        this.n = n;
        Random r = new Random(n);
        double[][] wv = new double[n][n];
        double[] xv = new double[n];
        for (int i = 0; i < n; i++) {
            xv[i] = r.nextGaussian();
            for (int j = 0; j < n; j++) {
                wv[i][j] = r.nextGaussian();
            }
        }
        // Row-major Array2DRowRealMatrix, which adjoint reads without a copy (MatrixUtils.createRealMatrix
        // would make a BlockRealMatrix above 4096 entries, converted at every call).
        this.w = new Array2DRowRealMatrix(wv, false);
        this.x = MatrixUtils.createColumnRealMatrix(xv);
        Matrix wt = matrix("W", n, n);
        Matrix xt = vector("x", n);
        this.f = sum(sigmoid(wt.times(xt)).squared()).compile(wt, xt);
        this.second = new SecondOrderWorkload(f, SecondOrder.of(sum(sigmoid(wt.times(xt)).squared()), wt, xt),
                f.layout().flatten(Bindings.of("W", w).and("x", x)));
    }

    /** {@return adjoint's compiled gradient, both matrices read out, against the gradient written by hand with Commons Math} */
    Line run(Timer timer) {
        double seconds = timer.median(() -> gradient(f));
        return new Line("vector_q2", n, seconds, List.of()).with("hand", timer.median(this::hand));
    }

    /** {@return the value and both gradients, read out as the user would} */
    Object gradient(CompiledFunction c) {
        Gradient g = c.gradientByPosition(w, x);
        return new Object[] {g.value(), g.matrix("W"), g.matrix("x")};
    }

    /** {@return the forward pass alone} */
    double forward(CompiledFunction c) {
        return c.value(Bindings.of("W", w).and("x", x));
    }

    /** {@return the closed form: s = sigmoid(W x), u = 2 (1 - s) s^2, grad_W = u x^T, grad_x = W^T u} */
    Object hand() {
        RealVector xv = x.getColumnVector(0);
        RealVector s = w.operate(xv).map(z -> 1 / (1 + Math.exp(-z)));
        double value = s.dotProduct(s);
        RealVector u = s.map(si -> 2 * (1 - si) * si * si);
        RealMatrix gw = u.outerProduct(xv);
        RealVector gx = w.preMultiply(u);
        return new Object[] {value, gw, gx};
    }
}
