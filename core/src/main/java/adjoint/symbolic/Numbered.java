package adjoint.symbolic;

import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import java.util.Arrays;

/**
 * The distinct nodes of an expression in topological order, each with the positions of its
 * inputs, so that the symbolic passes keep what they know of each node in arrays rather than
 * identity maps. Inputs are held flat: no array per node.
 */
final class Numbered implements Exprs.Visitor {

    private Expr[] nodes = new Expr[64];
    private int[] arity = new int[64];
    /** Where each node's inputs start in {@link #inputs}. */
    private int[] start = new int[64];
    private int[] inputs = new int[128];
    private int size;
    private int used;

    private Numbered() {}

    /** {@return the nodes of {@code root}, numbered} */
    static Numbered of(Expr root) {
        Numbered n = new Numbered();
        Exprs.topological(root, n);
        return n;
    }

    @Override
    public void expect(int count) {
        if (size == 0 && count > nodes.length) {
            nodes = new Expr[count];
            arity = new int[count];
            start = new int[count];
            inputs = new int[2 * count];
        }
    }

    @Override
    public int visit(Expr node, int[] in) {
        if (size == nodes.length) {
            nodes = Arrays.copyOf(nodes, 2 * size);
            arity = Arrays.copyOf(arity, 2 * size);
            start = Arrays.copyOf(start, 2 * size);
        }
        if (used + in.length > inputs.length) {
            inputs = Arrays.copyOf(inputs, Math.max(2 * inputs.length, used + in.length));
        }
        nodes[size] = node;
        arity[size] = in.length;
        start[size] = used;
        System.arraycopy(in, 0, inputs, used, in.length);
        used += in.length;
        return size++;
    }

    /** {@return the number of nodes} */
    int size() {
        return size;
    }

    /** {@return node {@code i}; the root is the last} */
    Expr node(int i) {
        return nodes[i];
    }

    /** {@return the number of inputs of node {@code i}} */
    int arity(int i) {
        return arity[i];
    }

    /** {@return the position of input {@code k} of node {@code i}} */
    int input(int i, int k) {
        return inputs[start[i] + k];
    }
}
