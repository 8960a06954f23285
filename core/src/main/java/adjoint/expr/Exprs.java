package adjoint.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Operations on expressions: rebuilding a node on new inputs, and small builders. The topological order is {@code adjoint.graph.Order}. */
public final class Exprs {

    private Exprs() {}

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
