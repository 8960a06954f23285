package adjoint.optim;

import adjoint.eval.CompiledFunction;
import adjoint.expr.Term;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunctionGradient;
import org.apache.commons.math3.util.Pair;

/**
 * Adapters from adjoint expressions to Commons Math's optimizers. A point is the parameters'
 * entries one after another (matrices row by row), as {@link CompiledFunction#valueAndGradient}
 * lays them out.
 * <pre>{@code
 * CompiledFunction f = loss.compile(a, b);
 * optimizer.optimize(Optimization.objective(f), Optimization.gradient(f), GoalType.MINIMIZE, ...);
 * }</pre>
 */
public final class Optimization {

    private Optimization() {}

    /**
     * {@return a scalar function as the objective of a Commons Math optimizer}
     *
     * @param f a compiled scalar function
     */
    public static ObjectiveFunction objective(CompiledFunction f) {
        Objects.requireNonNull(f, "function is null");
        return new ObjectiveFunction(f::value);
    }

    /**
     * {@return a scalar function's gradient, by backprop, for a gradient-based Commons Math optimizer}
     *
     * @param f a compiled scalar function
     */
    public static ObjectiveFunctionGradient gradient(CompiledFunction f) {
        Objects.requireNonNull(f, "function is null");
        return new ObjectiveFunctionGradient(point -> {
            double[] g = new double[f.dimension()];
            f.valueAndGradient(point, g);
            return g;
        });
    }

    /**
     * {@return a vector-valued expression (a column, or any shape read row by row) of the given
     * parameters as a least-squares model}: its value and its Jacobian at a point, for
     * {@code LeastSquaresBuilder.model} and so for {@code LevenbergMarquardtOptimizer}
     *
     * @param model the model expression
     * @param parameters its parameters, in the order of the point
     */
    public static MultivariateJacobianFunction model(Term model, List<? extends Term> parameters) {
        CompiledFunction f = CompiledFunction.of(Objects.requireNonNull(model, "model is null"), parameters);
        return point -> {
            var vj = f.valueAndJacobian(point.toArray());
            return new Pair<>(new ArrayRealVector(vj.value(), false), MatrixUtils.createRealMatrix(vj.jacobian()));
        };
    }
}
