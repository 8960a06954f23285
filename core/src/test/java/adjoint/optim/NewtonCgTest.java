package adjoint.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NewtonCgTest {

    /** {@code f(x) = ½ xᵀ A x − bᵀ x} with a symmetric positive definite {@code A}: one Newton step solves it. */
    static final double[][] A = {{4, 1, 0}, {1, 3, 1}, {0, 1, 2}};
    static final double[] B = {1, 2, 3};

    static Curvature quadratic(double[] x) {
        return new Curvature() {
            @Override
            public double value() {
                double[] ax = times(x);
                double v = 0;
                for (int i = 0; i < x.length; i++) {
                    v += 0.5 * x[i] * ax[i] - B[i] * x[i];
                }
                return v;
            }

            @Override
            public double[] gradient() {
                double[] g = times(x);
                for (int i = 0; i < g.length; i++) {
                    g[i] -= B[i];
                }
                return g;
            }

            @Override
            public double[] hvp(double[] v) {
                return times(v);
            }
        };
    }

    static double[] times(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                r[i] += A[i][j] * v[j];
            }
        }
        return r;
    }

    @Test
    void aQuadraticIsSolvedByItsFirstStep() {
        Training t = NewtonCg.of(1e-10).minimize(NewtonCgTest::quadratic, new double[3], 10, Progress.none());
        double[] r = times(t.point());
        for (int i = 0; i < 3; i++) {
            assertThat(r[i]).as("A x = b, row " + i).isCloseTo(B[i], within(1e-12));
        }
        assertThat(t.steps()).as("the first step solves it; the second sees a zero gradient and stops").isEqualTo(2);
    }

    @Test
    void nonConvexCurvatureFallsBackToSteepestDescentAndStillDescends() {
        // f(x) = x⁴/4 − x²/2 has negative curvature at 0.1: the run must still go down, to a minimum at ±1.
        CurvatureObjective f = x -> new Curvature() {
            @Override public double value() { return Math.pow(x[0], 4) / 4 - x[0] * x[0] / 2; }
            @Override public double[] gradient() { return new double[] {Math.pow(x[0], 3) - x[0]}; }
            @Override public double[] hvp(double[] v) { return new double[] {(3 * x[0] * x[0] - 1) * v[0]}; }
        };
        Training t = NewtonCg.of(1e-12).minimize(f, new double[] {0.1}, 100, Progress.none());
        assertThat(Math.abs(t.point()[0])).isCloseTo(1, within(1e-9));
        for (int k = 1; k < t.values().length; k++) {
            assertThat(t.values()[k]).as("step " + k).isLessThanOrEqualTo(t.values()[k - 1]);
        }
    }

    @Test
    void badSettingsAndANonFiniteObjectiveAreNamed() {
        assertThatThrownBy(() -> new NewtonCg(0, 1e-6, 0.1)).hasMessageContaining("maxCgIterations is 0");
        assertThatThrownBy(() -> new NewtonCg(10, -1, 0.1)).hasMessageContaining("gradient tolerance is -1.0");
        assertThatThrownBy(() -> new NewtonCg(10, 1e-6, 1)).hasMessageContaining("forcing is 1.0");
        CurvatureObjective nan = x -> new Curvature() {
            @Override public double value() { return Double.NaN; }
            @Override public double[] gradient() { return new double[] {0}; }
            @Override public double[] hvp(double[] v) { return v; }
        };
        assertThatThrownBy(() -> NewtonCg.of(1e-6).minimize(nan, new double[1], 5, Progress.none()))
                .isInstanceOf(DivergedException.class).hasMessageContaining("step 1");
    }
}
