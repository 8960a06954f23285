package adjoint.expr;

import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.util.Objects;

/** Operations on expressions as graphs: rebuilding a node on new inputs. */
public final class Exprs {

    private Exprs() {}

    /**
     * {@return the distinct nodes of {@code root}, inputs before the nodes that use them and the
     * root last}; nodes are told apart by identity, so a shared node appears once. Without
     * recursion.
     */
    public static Array<Expr> topological(Expr root) {
        Objects.requireNonNull(root, "root is null");
        java.util.IdentityHashMap<Expr, Boolean> done = new java.util.IdentityHashMap<>();
        java.util.List<Expr> order = new java.util.ArrayList<>();
        java.util.ArrayDeque<Expr> nodes = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Integer> next = new java.util.ArrayDeque<>();
        nodes.push(root);
        next.push(0);
        while (!nodes.isEmpty()) {
            Expr top = nodes.peek();
            int k = next.pop();
            if (k < top.arity()) {
                next.push(k + 1);
                Expr child = top.input(k);
                if (!done.containsKey(child)) {
                    nodes.push(child);
                    next.push(0);
                }
            } else {
                nodes.pop();
                if (done.put(top, Boolean.TRUE) == null) {
                    order.add(top);
                }
            }
        }
        return Array.ofAll(order);
    }

    /**
     * {@return a node of the same op as {@code node} with the given inputs} in place of its
     * own; every parameter other than the inputs (an exponent, a broadcast shape) is kept
     *
     * @throws IllegalArgumentException if the number of inputs differs from the node's arity
     * @throws ShapeMismatchException if the new inputs' shapes do not fit the op
     */
    public static Expr withInputs(Expr node, Seq<Expr> inputs) {
        Objects.requireNonNull(node, "node is null");
        Objects.requireNonNull(inputs, "inputs is null");
        if (inputs.size() != node.arity()) {
            throw new IllegalArgumentException(node.op() + " has " + node.arity() + " inputs, got " + inputs.size());
        }
        return switch (node) {
            case Leaf l -> l;
            case Unary.Neg n -> new Unary.Neg(inputs.get(0));
            case Unary.Exp n -> new Unary.Exp(inputs.get(0));
            case Unary.Log n -> new Unary.Log(inputs.get(0));
            case Unary.Sqrt n -> new Unary.Sqrt(inputs.get(0));
            case Unary.Square n -> new Unary.Square(inputs.get(0));
            case Unary.Reciprocal n -> new Unary.Reciprocal(inputs.get(0));
            case Unary.Sin n -> new Unary.Sin(inputs.get(0));
            case Unary.Cos n -> new Unary.Cos(inputs.get(0));
            case Unary.Tan n -> new Unary.Tan(inputs.get(0));
            case Unary.Tanh n -> new Unary.Tanh(inputs.get(0));
            case Unary.Sigmoid n -> new Unary.Sigmoid(inputs.get(0));
            case Unary.Relu n -> new Unary.Relu(inputs.get(0));
            case Unary.Abs n -> new Unary.Abs(inputs.get(0));
            case Unary.Softplus n -> new Unary.Softplus(inputs.get(0));
            case Unary.Log1p n -> new Unary.Log1p(inputs.get(0));
            case Unary.Sign n -> new Unary.Sign(inputs.get(0));
            case Unary.Erf n -> new Unary.Erf(inputs.get(0));
            case Unary.Power p -> new Unary.Power(inputs.get(0), p.p());
            case Binary.Add n -> new Binary.Add(inputs.get(0), inputs.get(1));
            case Binary.Sub n -> new Binary.Sub(inputs.get(0), inputs.get(1));
            case Binary.Mul n -> new Binary.Mul(inputs.get(0), inputs.get(1));
            case Binary.Div n -> new Binary.Div(inputs.get(0), inputs.get(1));
            case Binary.Pow n -> new Binary.Pow(inputs.get(0), inputs.get(1));
            case MatrixOp.MatMul n -> new MatrixOp.MatMul(inputs.get(0), inputs.get(1));
            case MatrixOp.Transpose n -> new MatrixOp.Transpose(inputs.get(0));
            case MatrixOp.Sum n -> new MatrixOp.Sum(inputs.get(0));
            case MatrixOp.Broadcast b -> new MatrixOp.Broadcast(inputs.get(0), b.shape());
            case MatrixOp.Trace n -> new MatrixOp.Trace(inputs.get(0));
            case MatrixOp.LogSumExpRows n -> new MatrixOp.LogSumExpRows(inputs.get(0));
            case Custom c -> c.withInputs(inputs);
        };
    }
}
