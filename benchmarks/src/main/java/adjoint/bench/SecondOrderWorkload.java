package adjoint.bench;

import adjoint.eval.CompiledFunction;
import adjoint.symbolic.SecondOrder;
import java.util.Random;

/**
 * Forward mode and second order on a workload's compiled function: a Jacobian-vector product
 * against the forward pass alone, and a Hessian-vector product against the gradient, at one flat
 * point along one fixed direction.
 */
final class SecondOrderWorkload {

    final CompiledFunction f;
    final SecondOrder second;
    final double[] point;
    final double[] direction;

    SecondOrderWorkload(CompiledFunction f, SecondOrder second, double[] point) {
        this.f = f;
        this.second = second;
        this.point = point;
        Random r = new Random(point.length);
        this.direction = new double[point.length];
        for (int i = 0; i < direction.length; i++) {
            direction[i] = r.nextGaussian();
        }
    }

    /** {@return the forward pass alone} */
    double forward() {
        return f.value(point);
    }

    /** {@return the value and gradient, the gradient into a new array} */
    double gradient() {
        return f.valueAndGradient(point, new double[point.length]);
    }

    /** {@return the directional derivative along the direction: one forward and one tangent pass} */
    double jvp() {
        return f.linearize(point).jvp(direction)[0];
    }

    /** {@return the Hessian times the direction, with the value and gradient, as PyTorch's {@code hvp} gives them} */
    double[] hvp() {
        return second.curvature(point).hvp(direction);
    }
}
