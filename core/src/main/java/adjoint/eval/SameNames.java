package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.graph.Order;
import java.util.HashMap;
import java.util.Map;

/**
 * Variables are identified by name: two {@link Leaf.Variable} nodes of one name are one
 * variable. This step merges them into one node of the order, the first met, before the
 * program is built; it runs only when a name repeats.
 */
final class SameNames {

    private SameNames() {}

    /**
     * {@return {@code order} with every variable of a name met before merged into that one}
     *
     * @throws VariableConflictException if two variables share a name but not a shape
     */
    static Order merged(Order order) {
        int[] same = new int[order.size()];
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < same.length; i++) {
            same[i] = i;
            Expr node = order.node(i);
            if (node instanceof Leaf.Variable v) {
                Integer seen = first.putIfAbsent(v.name(), i);
                if (seen != null) {
                    Leaf.Variable earlier = (Leaf.Variable) order.node(seen);
                    if (!earlier.shape().equals(v.shape())) {
                        throw new VariableConflictException("variable " + v.name() + " is used with two shapes, "
                                + earlier.shape() + " and " + v.shape());
                    }
                    same[i] = seen;
                }
            }
        }
        return order.merged(same);
    }
}
