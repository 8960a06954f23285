package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NewtonRosenbrockTest {

    @Test
    void newtonWithTheExactHessianNeedsFarFewerStepsThanGradientDescent() {
        NewtonRosenbrock.Run newton = NewtonRosenbrock.newton(false);
        NewtonRosenbrock.Run descent = NewtonRosenbrock.gradientDescent();
        assertThat(newton.x()).isCloseTo(1, within(1e-8));
        assertThat(newton.y()).isCloseTo(1, within(1e-8));
        assertThat(newton.gradientNorm()).isLessThan(NewtonRosenbrock.TOLERANCE);
        assertThat(newton.iterations()).isLessThanOrEqualTo(10);
        assertThat(descent.gradientNorm()).isLessThan(NewtonRosenbrock.TOLERANCE);
        assertThat(descent.iterations()).isLessThan(NewtonRosenbrock.MAX_DESCENT_STEPS)
                .isGreaterThan(100 * newton.iterations());
    }
}
