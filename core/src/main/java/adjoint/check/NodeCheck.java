package adjoint.check;

import adjoint.expr.MatrixText;
import adjoint.expr.Expr;
import adjoint.expr.Structure;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One node's rule checked on its own: its pullback against finite differences of its forward
 * function, at its actual input values.
 *
 * @param index the node's number in topological order (see {@code Tape}), or -1 for a node
 *     checked outside any expression
 * @param node the node
 * @param location where it sits in the expression, as {@code inv > add[0] > tan}
 * @param inputs its input values
 * @param entries each input entry's check, entry names {@code in0}, {@code in1[0,2]}...
 */
public record NodeCheck(int index, Expr node, String location, List<RealMatrix> inputs, List<EntryCheck> entries) {

    /** {@return whether no entry failed} */
    public boolean passed() {
        return entries.stream().allMatch(e -> e.status() != Status.FAIL);
    }

    /** {@return the node's op name} */
    public String op() {
        return node.op();
    }

    /** {@return a report naming the op, where it sits, its inputs and the entries that disagree} */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(passed() ? "the rule for " + op() + " holds" : "the rule for " + op() + " is wrong");
        sb.append(String.format(Locale.ROOT, "%n  node %d: %s%n  at %s%n", index, Structure.text(node), location));
        for (int k = 0; k < inputs.size(); k++) {
            sb.append(String.format(Locale.ROOT, "  input %d = %s%n", k, MatrixText.of(inputs.get(k))));
        }
        sb.append("  ").append(EntryCheck.header()).append('\n');
        for (EntryCheck e : entries) {
            if (e.status() != Status.PASS) {
                sb.append("  ").append(e.render()).append('\n');
            }
        }
        return sb.toString();
    }
}
