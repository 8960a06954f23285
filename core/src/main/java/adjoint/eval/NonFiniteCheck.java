package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixText;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Finds the first node whose value, gradient or tangent went NaN or infinite from finite inputs. Run
 * after a pass, only when detection is on, so the passes themselves pay nothing for it.
 */
final class NonFiniteCheck {

    private NonFiniteCheck() {}

    /** Throws at the first node, in forward order, whose value is not finite though its inputs are. */
    static void forward(Program p, Values v) {
        for (int i = 0; i < p.size(); i++) {
            if (v.finite(i)) {
                continue;
            }
            int[] in = p.inputs(i);
            boolean inputsFinite = true;
            for (int k : in) {
                inputsFinite &= v.finite(k);
            }
            if (!inputsFinite) {
                continue;
            }
            Tape tape = new Tape(p, v, new Adjoints(p));
            List<RealMatrix> inputs = inputs(p, v, i);
            Expr node = p.node(i);
            String what = node instanceof Leaf.Variable var
                    ? "variable " + var.name() + " at depth " + tape.depth(i) + " (" + tape.location(i) + ") is bound to "
                            + MatrixText.of(v.data(i))
                    : node.op() + " at depth " + tape.depth(i) + " (" + tape.location(i) + ") received "
                            + String.join(" and ", inputs.stream().map(MatrixText::of).toList()) + " and produced " + MatrixText.of(v.data(i));
            throw new NonFiniteException(what, NonFiniteException.Phase.FORWARD,
                    node instanceof Leaf.Variable var ? var.name() : node.op(), tape.location(i), tape.depth(i), inputs);
        }
    }

    /**
     * Throws at the node whose pullback first passed a non-finite gradient down from a finite
     * one: in backprop's order, the first node with a non-finite gradient gets it from a user
     * whose own gradient is finite.
     */
    static void backward(Program p, Values v, Adjoints g) {
        for (int i = p.size() - 1; i >= 0; i--) {
            if (!p.needsGradient[i] || finiteGradient(p, g, i)) {
                continue;
            }
            for (int j = p.size() - 1; j > i; j--) {
                int[] in = p.inputs(j);
                for (int k = 0; k < in.length; k++) {
                    if (in[k] != i || !finiteGradient(p, g, j)) {
                        continue;
                    }
                    List<RealMatrix> passed = NodeRule.of(p.node(j)).pullback(inputs(p, v, j), g.copy(j));
                    if (finite(passed.get(k))) {
                        continue;
                    }
                    Tape tape = new Tape(p, v, g);
                    List<RealMatrix> inputs = inputs(p, v, j);
                    String to = p.node(i) instanceof Leaf.Variable var ? var.name() : "input " + k;
                    String what = "the gradient went non-finite at " + p.node(j).op() + " at depth " + tape.depth(j) + " ("
                            + tape.location(j) + "): it received " + String.join(" and ", inputs.stream().map(MatrixText::of).toList())
                            + " and upstream gradient " + MatrixText.of(g.data(j)) + ", and passed " + MatrixText.of(passed.get(k))
                            + " down to " + to;
                    throw new NonFiniteException(what, NonFiniteException.Phase.BACKWARD, p.node(j).op(), tape.location(j),
                            tape.depth(j), inputs);
                }
            }
        }
    }

    /**
     * Throws at the first node, in forward order, whose tangent is not finite though its value
     * and its inputs' tangents are: where forward mode first made a NaN or infinity.
     */
    static void tangent(Program p, Values v, Tangents t) {
        for (int i = 0; i < p.size(); i++) {
            if (!t.has[i] || t.finite(i) || !v.finite(i)) {
                continue;
            }
            int[] in = p.inputs(i);
            boolean inputsFinite = true;
            for (int k : in) {
                inputsFinite &= !t.has[k] || t.finite(k);
            }
            if (!inputsFinite || in.length == 0) {
                continue;
            }
            Tape tape = new Tape(p, v, new Adjoints(p));
            List<RealMatrix> inputs = inputs(p, v, i);
            List<String> tangents = java.util.Arrays.stream(in).mapToObj(k -> t.has[k] ? MatrixText.of(t.data(k)) : "none").toList();
            String what = "the tangent went non-finite at " + p.node(i).op() + " at depth " + tape.depth(i) + " (" + tape.location(i)
                    + "): it received " + String.join(" and ", inputs.stream().map(MatrixText::of).toList()) + " with tangents "
                    + String.join(" and ", tangents) + ", and produced the tangent " + MatrixText.of(t.data(i));
            throw new NonFiniteException(what, NonFiniteException.Phase.TANGENT, p.node(i).op(), tape.location(i), tape.depth(i),
                    inputs);
        }
    }

    private static List<RealMatrix> inputs(Program p, Values v, int i) {
        int[] in = p.inputs(i);
        RealMatrix[] values = new RealMatrix[in.length];
        for (int k = 0; k < values.length; k++) {
            values[k] = v.copy(in[k]);
        }
        return List.of(values);
    }

    private static boolean finiteGradient(Program p, Adjoints g, int i) {
        if (!p.needsGradient[i]) {
            return true;
        }
        return g.finite(i);
    }

    private static boolean finite(RealMatrix m) {
        for (double[] row : m.getData()) {
            for (double x : row) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
        }
        return true;
    }

}
