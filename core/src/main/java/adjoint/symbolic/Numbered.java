package adjoint.symbolic;

import adjoint.expr.Expr;
import adjoint.expr.Exprs;

/**
 * The distinct nodes of an expression in topological order, each with the positions of its
 * inputs, so that the symbolic passes keep what they know of each node in arrays rather than
 * identity maps. Kept as the linearizer hands them over: no array per node.
 */
final class Numbered implements Exprs.Visitor {

    private Expr[] nodes;
    private int[] first;
    private int[] second;
    /** All input positions of each node with more than two inputs, null for the others; null if none has. */
    private int[][] more;

    private Numbered() {}

    /** {@return the nodes of {@code root}, numbered} */
    static Numbered of(Expr root) {
        Numbered n = new Numbered();
        Exprs.topological(root, n);
        return n;
    }

    @Override
    public void visitAll(Expr[] nodes, int[] first, int[] second, int[][] more) {
        this.nodes = nodes;
        this.first = first;
        this.second = second;
        this.more = more;
    }

    /** Never called: {@link #visitAll} takes the whole order. */
    @Override
    public int visit(Expr node, int[] inputs) {
        throw new UnsupportedOperationException("Numbered takes the whole order at once");
    }

    /** {@return the number of nodes} */
    int size() {
        return nodes.length;
    }

    /** {@return node {@code i}; the root is the last} */
    Expr node(int i) {
        return nodes[i];
    }

    /** {@return the number of inputs of node {@code i}} */
    int arity(int i) {
        if (more != null && more[i] != null) {
            return more[i].length;
        }
        return second[i] >= 0 ? 2 : first[i] >= 0 ? 1 : 0;
    }

    /** {@return the position of input {@code k} of node {@code i}} */
    int input(int i, int k) {
        if (more != null && more[i] != null) {
            return more[i][k];
        }
        return k == 0 ? first[i] : second[i];
    }
}
