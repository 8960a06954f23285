package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Shape;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One node's own calculus, apart from the graph around it: its forward function, its
 * vector-Jacobian product and its Jacobian-vector product (tangent) at given input values. The same rules the interpreters run, so a
 * check of a node's rule is a check of what backprop does at that node.
 */
public final class NodeRule {

    private final Expr node;
    private final Program program;

    private NodeRule(Expr node) {
        this.node = node;
        this.program = Program.local(node);
    }

    /**
     * {@return the rule of {@code node}}, whose inputs are given as values rather than computed
     *
     * @param node the node
     */
    public static NodeRule of(Expr node) {
        return new NodeRule(node);
    }

    /** {@return the node} */
    public Expr node() {
        return node;
    }

    /**
     * {@return the node's value for the given input values (a scalar as {@code 1x1}), as a new matrix}
     *
     * @param inputs its inputs' values, in order
     */
    public RealMatrix value(List<RealMatrix> inputs) {
        Values v = bind(inputs);
        Forward.run(program, v, node.arity());
        return v.copy(node.arity());
    }

    /**
     * {@return the gradient with respect to each input}, given the upstream gradient {@code g}
     * (of the node's shape): the vector-Jacobian product {@code g J}.
     *
     * @param inputs its inputs' values, in order
     * @param g the upstream gradient, of the node's shape
     */
    public List<RealMatrix> pullback(List<RealMatrix> inputs, RealMatrix g) {
        Objects.requireNonNull(g, "g is null");
        int k = node.arity();
        checkShape("the upstream gradient", g, node.shape());
        Values v = bind(inputs);
        Forward.run(program, v, k);
        Adjoints grads = Backward.run(program, v, g.getData(), k);
        RealMatrix[] out = new RealMatrix[k];
        for (int i = 0; i < k; i++) {
            out[i] = grads.copy(i);
        }
        return List.of(out);
    }

    /**
     * {@return the node's tangent for the given inputs' tangents (each of its input's shape)}:
     * the Jacobian-vector product {@code J t}, by the node's own tangent rule
     *
     * @param inputs its inputs' values, in order
     * @param tangents its inputs' tangents, in order
     */
    public RealMatrix tangent(List<RealMatrix> inputs, List<RealMatrix> tangents) {
        Objects.requireNonNull(tangents, "tangents is null");
        int k = node.arity();
        if (tangents.size() != k) {
            throw new BindingException(node.op() + " has " + k + " inputs, got " + tangents.size() + " tangents");
        }
        Values v = bind(inputs);
        Forward.run(program, v, k);
        Tangents t = new Tangents(program);
        for (int i = 0; i < k; i++) {
            RealMatrix ti = Objects.requireNonNull(tangents.get(i), "tangent is null");
            checkShape("tangent " + i, ti, program.shape(i));
            t.put(i, ti.getData());
        }
        Tangent.run(program, v, t, k);
        return t.copy(k);
    }

    private Values bind(List<RealMatrix> inputs) {
        Objects.requireNonNull(inputs, "inputs is null");
        int k = node.arity();
        if (inputs.size() != k) {
            throw new BindingException(node.op() + " has " + k + " inputs, got " + inputs.size() + " values");
        }
        Values v = new Values(program);
        for (int i = 0; i < k; i++) {
            RealMatrix m = Objects.requireNonNull(inputs.get(i), "input value is null");
            checkShape("input " + i, m, program.shape(i));
            v.put(i, m.getData());
        }
        return v;
    }

    private void checkShape(String what, RealMatrix m, Shape expected) {
        Shape got = Shape.of(m.getRowDimension(), m.getColumnDimension());
        if (!got.equals(expected)) {
            throw new BindingException(node.op() + ": " + what + " is " + got + ", expected " + expected);
        }
    }
}
