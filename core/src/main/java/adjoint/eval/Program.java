package adjoint.eval;

import adjoint.expr.Binary;
import adjoint.expr.CustomOpException;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An expression sorted once into topological order: node {@code i}'s inputs have indices below
 * {@code i} and the root is last. Nodes are identified by identity, so a shared node gets one
 * index; variables are identified by name. Built without recursion.
 *
 * <p>This is what the AD literature calls the tape, before any pass: the Wengert list of
 * operations. The public {@link Tape} is that list after one forward and one backward pass,
 * every node with its value and adjoint, the record that traces and checks read. Both names
 * stay: {@code Program} is compiled once and run many times, {@code Tape} is one run of it.
 */
final class Program {

    final Expr[] nodes;
    final Shape[] shapes;
    /** Whether each node is a scalar, read on every step of both passes. */
    final boolean[] scalar;
    /** Each elementwise node's op, read once here so that the passes need no type test for them; null for other nodes. */
    final UnaryOp[] unary;
    final BinaryOp[] binary;
    final int[][] inputs;
    /** Whether a node depends on a variable, so that its gradient is worth computing. */
    final boolean[] needsGradient;
    /** Variables in the order first met. */
    final List<Leaf.Variable> variables;
    /** Each variable's node, by name. */
    final Map<String, Integer> variableIndex;
    final int root;
    /** The values of matrix constants, by node. */
    private final Map<Integer, double[][]> constants;
    /** Whether any node is not a scalar. */
    final boolean hasMatrices;

    /**
     * {@return the program of one node alone}: its inputs, one per position, as nodes
     * {@code 0..arity-1} whose values are given rather than computed, then the node itself
     */
    static Program local(Expr node) {
        Objects.requireNonNull(node, "node is null");
        int k = node.arity();
        Expr[] nodes = new Expr[k + 1];
        int[][] inputs = new int[k + 1][];
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            nodes[i] = Objects.requireNonNull(node.input(i), () -> node.op() + ": an input is null");
            inputs[i] = new int[0];
            all[i] = i;
        }
        nodes[k] = node;
        inputs[k] = all;
        Program p = new Program(nodes, inputs, List.of(), Map.of());
        Arrays.fill(p.needsGradient, true);
        return p;
    }

    private Program(Expr[] nodes, int[][] inputs, List<Leaf.Variable> variables, Map<String, Integer> variableIndex) {
        this.nodes = nodes;
        this.inputs = inputs;
        this.variables = List.copyOf(variables);
        this.variableIndex = Map.copyOf(variableIndex);
        this.root = nodes.length - 1;
        this.shapes = new Shape[nodes.length];
        this.scalar = new boolean[nodes.length];
        this.unary = new UnaryOp[nodes.length];
        this.binary = new BinaryOp[nodes.length];
        this.needsGradient = new boolean[nodes.length];
        Map<Integer, double[][]> matrixConstants = new HashMap<>();
        boolean matrices = false;
        for (int i = 0; i < nodes.length; i++) {
            shapes[i] = nodes[i].shape();
            if (shapes[i] == null) {
                throw new CustomOpException(nodes[i].op() + ": shape() returned null");
            }
            scalar[i] = shapes[i].isScalar();
            if (nodes[i] instanceof Unary u) {
                unary[i] = u.fn();
            } else if (nodes[i] instanceof Binary b) {
                binary[i] = b.fn();
            }
            matrices |= !scalar[i];
            if (nodes[i] instanceof Leaf.MatrixConstant c) {
                matrixConstants.put(i, c.value().getData());
            }
            boolean needs = nodes[i] instanceof Leaf.Variable;
            for (int in : inputs[i]) {
                needs |= needsGradient[in];
            }
            needsGradient[i] = needs;
        }
        this.constants = matrixConstants;
        this.hasMatrices = matrices;
    }

    /** {@return the value of matrix constant node {@code i}; not to be changed} */
    double[][] constant(int i) {
        return constants.get(i);
    }

    /** {@return the number of nodes} */
    int size() {
        return nodes.length;
    }

    /**
     * {@return the program of {@code root}}
     *
     * @throws VariableConflictException if two variables share a name but not a shape
     */
    static Program of(Expr root) {
        Objects.requireNonNull(root, "expression is null");
        Map<String, Integer> variableIndex = new HashMap<>();
        List<Leaf.Variable> variables = new ArrayList<>();
        List<Expr> order = new ArrayList<>();
        List<int[]> inputs = new ArrayList<>();
        Exprs.topological(root, (node, in) -> {
            if (node instanceof Leaf.Variable v) {
                Integer seen = variableIndex.get(v.name());
                if (seen != null) {
                    Shape first = order.get(seen).shape();
                    if (!first.equals(v.shape())) {
                        throw new VariableConflictException("variable " + v.name() + " is used with two shapes, "
                                + first + " and " + v.shape());
                    }
                    return seen;
                }
                variableIndex.put(v.name(), order.size());
                variables.add(v);
            }
            order.add(node);
            inputs.add(in);
            return order.size() - 1;
        });
        return new Program(order.toArray(Expr[]::new), inputs.toArray(int[][]::new), variables, variableIndex);
    }
}
