package adjoint.testkit;

import adjoint.eval.Bindings;
import adjoint.expr.Expr;
import adjoint.expr.Structure;
import java.util.Objects;

/**
 * A random expression and a point at which every node's inputs lie in their op's domain.
 *
 * @param expression the expression
 * @param point a value for each of its variables
 * @param nodes the number of distinct nodes, shared ones counted once
 */
public record Sample(Expr expression, Bindings point, int nodes) {

    /** Checks the parts. */
    public Sample {
        Objects.requireNonNull(expression, "expression is null");
        Objects.requireNonNull(point, "point is null");
    }

    /** {@return the sample as {@code [5 nodes] sin(add(x0, 1.5)) at {x0=0.3}}} */
    @Override
    public String toString() {
        return "[" + nodes + " nodes] " + Structure.text(expression) + " at " + point;
    }
}
