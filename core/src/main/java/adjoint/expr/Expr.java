package adjoint.expr;

/**
 * A node of a computational graph: an immutable record whose inputs are other nodes.
 *
 * <p>Expressions form a directed acyclic graph: one node may be the input of many. Every node
 * knows its {@link Shape}, computed and checked when it is built, so a shape mismatch fails at
 * construction with a {@link ShapeMismatchException}.
 *
 * <p>The hierarchy is sealed, grouped by kind: {@link Leaf} (variables and constants),
 * {@link Unary} and {@link Binary} (elementwise, the op a constant of {@link UnaryOp} or
 * {@link BinaryOp}), {@link Structural} (matrix product, transpose, reshape, slices, sums
 * along an axis, broadcasts, row-wise softmax: a record each, carrying its own rule). Code outside the library adds ops through the one non-sealed interface,
 * {@link Custom}.
 *
 * <p>Every core record ends with a {@code long id} component, a number from one counter given
 * when the node is made (so larger than its inputs'), which lets a graph built in one go be put
 * in order without hashing its nodes (see {@code adjoint.graph.Order}). It is
 * not part of equality, and nodes are still told apart by identity.
 *
 * <p>{@code equals}, {@code hashCode} and {@code toString} of every core record walk the graph
 * without recursion and visit a shared node once, so they are safe on graphs of any depth and
 * with any amount of sharing (see {@link Structure}).
 */
public sealed interface Expr extends Term permits Leaf, Unary, Binary, Structural, Custom {

    /** {@return this expression itself} */
    @Override
    default Expr expr() {
        return this;
    }

    /** {@return the shape of this node's value} */
    Shape shape();

    /** {@return the short name of this node's operation, such as {@code sin} or {@code matmul}} */
    String op();

    /** {@return the number of inputs of this node} */
    int arity();

    /**
     * {@return the input at the given position}
     *
     * @param index a position from 0 to {@link #arity()} - 1
     * @throws IndexOutOfBoundsException if there is no input at {@code index}
     */
    Expr input(int index);
}
