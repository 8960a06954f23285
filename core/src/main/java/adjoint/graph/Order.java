package adjoint.graph;

import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The distinct nodes of an expression in topological order, each with the positions of its
 * inputs in that order: inputs before the nodes that use them, the root last. The order is the
 * order the nodes were made (the order of their ids), a custom node right after the newest of
 * its inputs, as a Wengert list records a program. Nodes are told apart by identity, so a shared
 * node appears once, and the graph is walked without recursion, so any depth works. The
 * program of the passes, the symbolic passes and the printers all read this one value.
 */
public final class Order {

    final Expr[] nodes;
    final int[] first;
    final int[] second;
    /** All input positions of each node with more than two inputs (a custom op), null for the others; null if none has. */
    int[][] more;

    /** An order of {@code count} nodes, filled in by the linearizer. */
    Order(int count) {
        nodes = new Expr[count];
        first = new int[count];
        second = new int[count];
    }

    /**
     * {@return the order of {@code root}'s nodes}: a graph built in one go is swept by id, with no
     * hashing; any other is walked depth first over an identity index and sorted into the same order
     *
     * @param root the expression
     * @throws NullPointerException naming the op, if a node has a null input
     */
    public static Order of(Expr root) {
        return Linearizer.run(Objects.requireNonNull(root, "root is null"));
    }

    /**
     * {@return the order of one node alone}: each of its inputs as a position of its own, even
     * where the same node is used twice, then the node; for checking one node's rule on given
     * input values
     *
     * @param node the node
     */
    public static Order ofNode(Expr node) {
        Objects.requireNonNull(node, "node is null");
        int k = node.arity();
        Order o = new Order(k + 1);
        int[] none = new int[0];
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            all[i] = i;
            o.put(i, Objects.requireNonNull(node.input(i), () -> node.op() + ": input is null"), none);
        }
        o.put(k, node, all);
        return o;
    }

    /** Puts {@code node} at position {@code i}, with the positions {@code in} of its inputs (read, not kept). */
    void put(int i, Expr node, int[] in) {
        nodes[i] = node;
        first[i] = in.length > 0 ? in[0] : -1;
        second[i] = in.length > 1 ? in[1] : -1;
        if (in.length > 2) {
            if (more == null) {
                more = new int[nodes.length][];
            }
            more[i] = in.clone();
        }
    }

    /** {@return the number of nodes} */
    public int size() {
        return nodes.length;
    }

    /**
     * {@return node {@code i}; the root is the last}
     *
     * @param i a position, from 0 to {@link #size()} - 1
     */
    public Expr node(int i) {
        return nodes[i];
    }

    /** {@return the root, the last node} */
    public Expr root() {
        return nodes[nodes.length - 1];
    }

    /**
     * {@return the number of inputs of node {@code i}}
     *
     * @param i a position
     */
    public int arity(int i) {
        if (more != null && more[i] != null) {
            return more[i].length;
        }
        return second[i] >= 0 ? 2 : first[i] >= 0 ? 1 : 0;
    }

    /**
     * {@return node {@code i} on the inputs {@code done} holds for its inputs' positions}, or the
     * node itself if they are its own: one step of rebuilding a graph from its leaves up
     *
     * @param i the node's position
     * @param done a node for every position below {@code i}
     */
    public Expr rebuilt(int i, Expr[] done) {
        Expr n = node(i);
        int arity = arity(i);
        if (arity == 0) {
            return n;
        }
        Expr[] inputs = new Expr[arity];
        boolean changed = false;
        for (int k = 0; k < arity; k++) {
            inputs[k] = done[input(i, k)];
            changed |= inputs[k] != n.input(k);
        }
        return changed ? Exprs.withInputs(n, java.util.List.of(inputs)) : n;
    }

    /**
     * {@return the position of input {@code k} of node {@code i}}, below {@code i}
     *
     * @param i a position
     * @param k an input, from 0 to {@link #arity(int)} - 1
     */
    public int input(int i, int k) {
        if (more != null && more[i] != null) {
            return more[i][k];
        }
        if (k == 0 && first[i] >= 0) {
            return first[i];
        }
        if (k == 1 && second[i] >= 0) {
            return second[i];
        }
        throw new IndexOutOfBoundsException("node " + i + " (" + nodes[i].op() + ") has " + arity(i) + " inputs, asked for input " + k);
    }

    /**
     * {@return the position of node {@code i}'s first input, or -1 if it has none}: the passes'
     * fast read of a node of one or two inputs
     *
     * @param i a position
     */
    public int first(int i) {
        return first[i];
    }

    /**
     * {@return the position of node {@code i}'s second input, or -1 if it has fewer than two}
     *
     * @param i a position
     */
    public int second(int i) {
        return second[i];
    }

    /** What {@link #forEach} does with each node. */
    @FunctionalInterface
    public interface NodeAction {
        /**
         * Takes node {@code i}.
         *
         * @param i its position
         * @param node the node
         * @param first the position of its first input, or -1 if it has none
         * @param second the position of its second input, or -1 if it has fewer than two
         */
        void accept(int i, Expr node, int first, int second);
    }

    /**
     * Hands every node, in order, to {@code action} with its first two inputs' positions: the
     * one loop over the order that building a program makes
     *
     * @param action what to do with each node
     */
    public void forEach(NodeAction action) {
        Expr[] n = nodes;
        int[] a = first;
        int[] b = second;
        for (int i = 0; i < n.length; i++) {
            action.accept(i, n[i], a[i], b[i]);
        }
    }

    /** {@return the nodes in order, a read-only view} */
    public List<Expr> nodes() {
        return new AbstractList<>() {
            @Override
            public Expr get(int index) {
                return nodes[index];
            }

            @Override
            public int size() {
                return nodes.length;
            }
        };
    }

    /**
     * {@return this order with each node {@code i} whose {@code same[i]} is not {@code i} left
     * out, its uses pointing at node {@code same[i]} instead}: how two variables of one name
     * become one node
     *
     * @param same for each position, itself or an earlier position that stands for it
     * @throws IllegalArgumentException if an entry points at itself's successor or beyond
     */
    public Order merged(int[] same) {
        if (same.length != nodes.length) {
            throw new IllegalArgumentException("same has " + same.length + " entries for " + nodes.length + " nodes");
        }
        int[] position = new int[nodes.length];
        int kept = 0;
        for (int i = 0; i < nodes.length; i++) {
            if (same[i] > i || same[i] < 0) {
                throw new IllegalArgumentException("node " + i + " cannot stand for node " + same[i] + ", not an earlier one");
            }
            position[i] = same[i] == i ? kept++ : position[same[i]];
        }
        Order o = new Order(kept);
        int[][] buffers = {new int[0], new int[1], new int[2]};
        for (int i = 0; i < nodes.length; i++) {
            if (same[i] != i) {
                continue;
            }
            int k = arity(i);
            int[] in = k < buffers.length ? buffers[k] : new int[k];
            for (int j = 0; j < k; j++) {
                in[j] = position[input(i, j)];
            }
            o.put(position[i], nodes[i], in);
        }
        return o;
    }

    @Override
    public String toString() {
        return "Order of " + nodes.length + " nodes, root " + (nodes.length == 0 ? "none" : root().op())
                + (nodes.length <= 8 ? " " + Arrays.toString(nodes) : "");
    }
}
