package adjoint.eval;

import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A compiled function linearized at a point: its forward pass run once, then any number of
 * directions pushed through by forward mode, each one tangent pass over the same values, as
 * JAX's {@code linearize}. Immutable and safe to share between threads: each direction works in
 * its own buffers.
 */
public final class Linearization {

    private final CompiledFunction function;
    private final Values values;

    Linearization(CompiledFunction function, Values values) {
        this.function = function;
        this.values = values;
    }

    /** {@return the value at the point, as a new matrix (a scalar as {@code 1x1})} */
    public RealMatrix value() {
        return values.copy(function.root());
    }

    /**
     * {@return the value and the directional derivative along {@code along}}: (variable, value)
     * pairs as for a point; a parameter it does not name moves by zero
     *
     * @param along the direction
     * @throws UnknownVariableException if it names a variable that is not a parameter
     */
    public Jvp jvp(Bindings along) {
        Tangents t = function.tangents(values, function.binder().direction(Objects.requireNonNull(along, "direction is null")));
        return new Jvp(values.data(function.root()), t.data(function.root()));
    }

    /**
     * {@return the directional derivative of every entry of the value, by rows}, along a flat
     * direction laid out as a flat point: what an optimizer pushes many of through one point
     *
     * @param along {@link CompiledFunction#dimension()} entries
     */
    public double[] jvp(double[] along) {
        Tangents t = function.tangents(values, function.binder().direction(Objects.requireNonNull(along, "direction is null")));
        double[][] d = t.data(function.root());
        if (d.length == 1 && t.m != null && t.m[function.root()] == d) {
            // A one-row result is already flat, and the pass made it for this call alone.
            return d[0];
        }
        double[] out = new double[d.length * d[0].length];
        Layout.write(d, out, 0);
        return out;
    }
}
