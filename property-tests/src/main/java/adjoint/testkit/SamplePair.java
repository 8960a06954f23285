package adjoint.testkit;

import adjoint.eval.Bindings;
import adjoint.expr.Expr;
import adjoint.expr.Structure;

/**
 * Two random expressions over one set of variables, and one point for both.
 *
 * @param f the first expression
 * @param g the second expression
 * @param point a value for every variable of either
 */
public record SamplePair(Expr f, Expr g, Bindings point) {

    @Override
    public String toString() {
        return "f = " + Structure.text(f) + ", g = " + Structure.text(g) + " at " + point;
    }
}
