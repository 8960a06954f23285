package adjoint.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Operations on expressions as graphs: the one topological sort, rebuilding a node on new inputs, and small builders. */
public final class Exprs {

    private Exprs() {}

    /** Receives the nodes of a graph in topological order, and numbers them. */
    @FunctionalInterface
    public interface Visitor {
        /**
         * {@return the number to give {@code node}}: a new one, or the number of a node it stands
         * for (a variable met before by name)
         *
         * @param node the next node, every input of which has been visited
         * @param inputs the numbers of its inputs, in order; the array is reused for the next
         *     node, so copy what you keep
         */
        int visit(Expr node, int[] inputs);

        /**
         * Told, before the first visit and when it is known, how many nodes will be visited at
         * most, so that arrays can be sized once; does nothing unless overridden.
         *
         * @param nodes the most nodes that will be visited
         */
        default void expect(int nodes) {}

        /**
         * Told every node at once, in topological order, each with the positions of its inputs
         * in that order. The arrays are made for this call and are the visitor's to keep. By
         * default, tells {@link #expect} the count and then {@link #visit} each node in turn,
         * with its inputs' numbers; a visitor that overrides this is told of no node one by one.
         *
         * @param nodes the distinct nodes, inputs before the nodes that use them, the root last
         * @param first the position of each node's first input, or -1 if it has none
         * @param second the position of each node's second input, or -1 if it has fewer than two
         * @param more all input positions of each node with more than two inputs (a custom op),
         *     null for the others; null if no node has more than two
         */
        default void visitAll(Expr[] nodes, int[] first, int[] second, int[][] more) {
            expect(nodes.length);
            int[] number = new int[nodes.length];
            int[][] buffers = {new int[0], new int[1], new int[2]};
            for (int i = 0; i < nodes.length; i++) {
                int[] in;
                if (more != null && more[i] != null) {
                    in = new int[more[i].length];
                    for (int k = 0; k < in.length; k++) {
                        in[k] = number[more[i][k]];
                    }
                } else if (second[i] >= 0) {
                    in = buffers[2];
                    in[0] = number[first[i]];
                    in[1] = number[second[i]];
                } else if (first[i] >= 0) {
                    in = buffers[1];
                    in[0] = number[first[i]];
                } else {
                    in = buffers[0];
                }
                number[i] = visit(nodes[i], in);
            }
        }
    }

    /**
     * Visits the distinct nodes of {@code root}, inputs before the nodes that use them and the
     * root last: in the order they were made (the order of their ids), a custom node right after
     * the newest of its inputs. Nodes are told apart by identity, so a shared node is visited
     * once. Without recursion, so any depth works; a graph built in one go is swept by id, with
     * no hashing. The visitor is handed the whole order through {@link Visitor#visitAll}, which
     * by default visits the nodes one by one.
     *
     * @param root the expression
     * @param visitor told of each node, inputs first
     * @throws NullPointerException naming the op, if a node has a null input
     */
    public static void topological(Expr root, Visitor visitor) {
        Objects.requireNonNull(root, "root is null");
        Objects.requireNonNull(visitor, "visitor is null");
        Linearizer.run(root, visitor);
    }

    /**
     * {@return the distinct nodes of {@code root}, inputs before the nodes that use them and the
     * root last}, in the order of {@link #topological(Expr, Visitor)}
     *
     * @param root the expression
     */
    public static List<Expr> topological(Expr root) {
        List<Expr> order = new ArrayList<>();
        topological(root, (node, inputs) -> {
            order.add(node);
            return order.size() - 1;
        });
        return order;
    }

    /**
     * {@return a node of the same op as {@code node} with the given inputs} in place of its
     * own; every parameter other than the inputs (a broadcast shape, a custom op's settings) is kept
     *
     * @param node the node
     * @param inputs the new inputs, as many as the node has
     * @throws IllegalArgumentException if the number of inputs differs from the node's arity
     * @throws ShapeMismatchException if the new inputs' shapes do not fit the op
     */
    public static Expr withInputs(Expr node, List<Expr> inputs) {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(inputs, "inputs is null");
        if (inputs.size() != node.arity()) {
            throw new IllegalArgumentException(node.op() + " has " + node.arity() + " inputs, got " + inputs.size());
        }
        return switch (node) {
            case Leaf l -> l;
            case Unary u -> new Unary(u.fn(), inputs.get(0));
            case Binary b -> new Binary(b.fn(), inputs.get(0), inputs.get(1));
            case Structural s -> s.withInputs(List.copyOf(inputs));
            case Custom c -> c.withInputs(List.copyOf(inputs));
        };
    }

    /**
     * {@return the shape of an input}, read without an interface call for the common nodes
     *
     * @throws CustomOpException naming the op, if a custom op's {@code shape()} returned null
     */
    static Shape requireShape(Expr input) {
        Shape s;
        if (input instanceof Binary b) {
            s = b.shape();
        } else if (input instanceof Unary u) {
            s = u.shape();
        } else if (input instanceof Leaf.Constant) {
            s = Shape.SCALAR;
        } else if (input instanceof Leaf.Variable v) {
            s = v.shape();
        } else {
            s = input.shape();
        }
        if (s == null) {
            throw new CustomOpException(input.op() + ": shape() returned null");
        }
        return s;
    }

    /**
     * {@return the constant {@code c} of the given shape: a scalar, or a scalar broadcast}
     *
     * @param c the value of every entry
     * @param shape the constant's shape
     */
    public static Expr constant(double c, Shape shape) {
        Expr k = new Leaf.Constant(c);
        return shape.isScalar() ? k : new Broadcast(k, shape);
    }

    /**
     * {@return the value of a scalar constant, or of a broadcast one, or null if {@code e} is neither}
     *
     * @param e the expression
     */
    public static Double constantValue(Expr e) {
        return switch (e) {
            case Leaf.Constant c -> c.value();
            case Broadcast b when b.a() instanceof Leaf.Constant c -> c.value();
            default -> null;
        };
    }

    /**
     * {@return the elementwise product {@code a b}}
     *
     * @param a the base, or the left factor
     * @param b the exponent, or the right factor
     */
    public static Expr times(Expr a, Expr b) {
        return new Binary(BinaryOp.MUL, a, b);
    }

    /**
     * {@return the elementwise power {@code a^b}}
     *
     * @param a the base, or the left factor
     * @param b the exponent, or the right factor
     */
    public static Expr pow(Expr a, Expr b) {
        return new Binary(BinaryOp.POW, a, b);
    }

    /**
     * {@return {@code a} to a constant power {@code p}, the exponent broadcast to {@code a}'s shape}
     *
     * @param a the base, or the left factor
     * @param p the constant exponent
     */
    public static Expr pow(Expr a, double p) {
        if (!Double.isFinite(p)) {
            throw new IllegalArgumentException("pow: exponent " + p + " is not finite");
        }
        return pow(a, constant(p, a.shape()));
    }
}
