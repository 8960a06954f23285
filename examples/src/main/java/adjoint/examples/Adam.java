package adjoint.examples;

import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Adam optimizer (Kingma and Ba) over matrix parameters, updated in place: moment estimates
 * with decay 0.9 and 0.999, bias-corrected, and a step of {@code lr m / (sqrt(v) + 1e-8)}.
 */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;

    private final RealMatrix[] params;
    private final double[][][] m;
    private final double[][][] v;
    private final double rate;
    private int t;

    Adam(RealMatrix[] params, double rate) {
        this.params = params;
        this.rate = rate;
        this.m = new double[params.length][][];
        this.v = new double[params.length][][];
        for (int p = 0; p < params.length; p++) {
            m[p] = new double[params[p].getRowDimension()][params[p].getColumnDimension()];
            v[p] = new double[params[p].getRowDimension()][params[p].getColumnDimension()];
        }
    }

    /** Moves every parameter one step against its gradient. */
    void step(RealMatrix[] gradients) {
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        for (int p = 0; p < params.length; p++) {
            for (int i = 0; i < m[p].length; i++) {
                for (int j = 0; j < m[p][i].length; j++) {
                    double g = gradients[p].getEntry(i, j);
                    m[p][i][j] = BETA1 * m[p][i][j] + (1 - BETA1) * g;
                    v[p][i][j] = BETA2 * v[p][i][j] + (1 - BETA2) * g * g;
                    double step = rate * (m[p][i][j] / c1) / (Math.sqrt(v[p][i][j] / c2) + EPSILON);
                    params[p].addToEntry(i, j, -step);
                }
            }
        }
    }
}
