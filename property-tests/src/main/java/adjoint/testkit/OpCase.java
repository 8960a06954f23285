package adjoint.testkit;

import adjoint.expr.Expr;
import adjoint.expr.MatrixText;
import adjoint.expr.Structure;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One op on variables, with input values in its domain: a case for checking the op's rule.
 *
 * @param spec the op's spec
 * @param op the op, built on variables {@code in0}, {@code in1}...
 * @param inputs a value for each input
 */
public record OpCase(OpSpec spec, Expr op, List<RealMatrix> inputs) {

    /** {@return the op and its input values, as text} */
    @Override
    public String toString() {
        return Structure.text(op) + " at " + "(" + String.join(", ", inputs.stream().map(MatrixText::of).toList()) + ")";
    }
}
