package adjoint.examples.ops;

import adjoint.dsl.Matrix;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Shape;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Softmax of each row: {@code s_ij = e^(a_ij - m_i) / sum_k e^(a_ik - m_i)}, {@code m_i} the
 * row's largest entry so nothing overflows. Its vector-Jacobian product, row by row, is
 * {@code s ⊙ (g - (g · s))}: the Jacobian {@code diag(s) - s sᵀ} is never formed. The core
 * has the same op ({@code Adjoint.softmaxRows}); this one shows how a user writes such an op,
 * and the tests check that the two agree.
 *
 * @param a the input, any shape
 */
public record RowSoftmax(Expr a) implements Custom {

    /** {@return the softmax of every row of {@code x}, used from the DSL like a built-in} */
    public static Matrix softmaxRows(Matrix x) {
        return x.apply(RowSoftmax::new);
    }

    @Override
    public String op() {
        return "softmaxRows";
    }

    @Override
    public Shape shape() {
        return a.shape();
    }

    @Override
    public List<Expr> inputs() {
        return List.of(a);
    }

    @Override
    public RealMatrix forward(List<RealMatrix> inputs) {
        double[][] x = inputs.get(0).getData();
        for (double[] row : x) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : row) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int j = 0; j < row.length; j++) {
                row[j] = Math.exp(row[j] - max);
                sum += row[j];
            }
            for (int j = 0; j < row.length; j++) {
                row[j] /= sum;
            }
        }
        return new Array2DRowRealMatrix(x, false);
    }

    @Override
    public List<RealMatrix> pullback(List<RealMatrix> inputs, RealMatrix out, RealMatrix g) {
        double[][] s = out.getData();
        double[][] gd = g.getData();
        double[][] r = new double[s.length][];
        for (int i = 0; i < s.length; i++) {
            double dot = 0;
            for (int j = 0; j < s[i].length; j++) {
                dot += gd[i][j] * s[i][j];
            }
            r[i] = new double[s[i].length];
            for (int j = 0; j < s[i].length; j++) {
                r[i][j] = s[i][j] * (gd[i][j] - dot);
            }
        }
        return List.of(new Array2DRowRealMatrix(r, false));
    }
}
