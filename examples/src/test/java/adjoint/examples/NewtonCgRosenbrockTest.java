package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.dsl.Matrix;
import adjoint.optim.Progress;
import adjoint.optim.Training;
import org.junit.jupiter.api.Test;

class NewtonCgRosenbrockTest {

    @Test
    void newtonCgReachesTheToleranceInFarFewerStepsThanAdam() {
        Training t = NewtonCgRosenbrock.newton(Progress.none());
        Matrix x = adjoint.dsl.Adjoint.vector("x", NewtonCgRosenbrock.N);
        double[] g = NewtonCgRosenbrock.rosenbrock(x).compile(x).gradient(adjoint.dsl.Adjoint.at(x, t.point())).toArray();
        assertThat(NewtonCgRosenbrock.norm(g)).isLessThanOrEqualTo(NewtonCgRosenbrock.TOLERANCE);
        double[] adam = NewtonCgRosenbrock.adam();
        assertThat(adam[1]).as("Adam gets there too").isLessThanOrEqualTo(NewtonCgRosenbrock.TOLERANCE);
        assertThat((double) t.steps()).as("Newton-CG's steps against Adam's " + adam[0]).isLessThan(adam[0] / 10);
    }
}
