package adjoint.testkit;

import adjoint.graph.Order;
import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The inputs of an op a spec built: the generated ones, in order, and any constant the spec put
 * in itself (a constant power's exponent). Generators match the two by identity.
 */
final class OpInputs {

    private OpInputs() {}

    /**
     * {@return the value of each input of {@code op}}: a generated input's given value, a
     * constant's own
     *
     * @throws IllegalStateException if an input is neither generated nor constant
     */
    static Seq<RealMatrix> values(Expr op, Seq<Expr> generated, Seq<RealMatrix> values) {
        RealMatrix[] out = new RealMatrix[op.arity()];
        for (int k = 0; k < out.length; k++) {
            Expr in = op.input(k);
            int g = indexOf(generated, in);
            if (g >= 0) {
                out[k] = values.get(g);
            } else if (Order.of(in).nodes().stream().noneMatch(n -> n instanceof Leaf.Variable)) {
                out[k] = Backprop.evaluate(in, Bindings.empty());
            } else {
                throw new IllegalStateException(op.op() + ": input " + k + " is neither generated nor a constant");
            }
        }
        return Array.of(out);
    }

    /** {@return {@code op} with each generated input {@code from[k]} replaced by {@code to[k]}, constants kept} */
    static Expr replace(Expr op, Seq<Expr> from, Seq<Expr> to) {
        List<Expr> inputs = new ArrayList<>(op.arity());
        for (int k = 0; k < op.arity(); k++) {
            int g = indexOf(from, op.input(k));
            inputs.add(g >= 0 ? to.get(g) : op.input(k));
        }
        return Exprs.withInputs(op, inputs);
    }

    private static int indexOf(Seq<Expr> generated, Expr in) {
        for (int g = 0; g < generated.size(); g++) {
            if (generated.get(g) == in) {
                return g;
            }
        }
        return -1;
    }
}
