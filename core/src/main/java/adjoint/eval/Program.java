package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * An expression sorted once into topological order: node {@code i}'s inputs have indices below
 * {@code i} and the root is last. Nodes are identified by identity, so a shared node gets one
 * index; variables are identified by name. Built without recursion.
 */
final class Program {

    final Expr[] nodes;
    final Shape[] shapes;
    /** Whether each node is a scalar, read on every step of both passes. */
    final boolean[] scalar;
    /** Each elementwise node's rule, mapped once here so that the passes switch on an enum; null for other nodes. */
    final ScalarRules.UnaryRule[] unaryRules;
    final ScalarRules.BinaryRule[] binaryRules;
    /** Each node's constant parameter (a power's exponent), else 0. */
    final double[] parameters;
    final int[][] inputs;
    /** Whether a node depends on a variable, so that its gradient is worth computing. */
    final boolean[] needsGradient;
    /** Variables in the order first met, each with its node index. */
    final List<Leaf.Variable> variables;
    final Map<String, Integer> variableIndex;
    final int root;
    /** The values of matrix constants, by node. */
    private final Map<Integer, Array2DRowRealMatrix> constants;
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
        java.util.Arrays.fill(p.needsGradient, true);
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
        this.unaryRules = new ScalarRules.UnaryRule[nodes.length];
        this.binaryRules = new ScalarRules.BinaryRule[nodes.length];
        this.parameters = new double[nodes.length];
        this.needsGradient = new boolean[nodes.length];
        java.util.Map<Integer, Array2DRowRealMatrix> matrixConstants = new HashMap<>();
        boolean matrices = false;
        for (int i = 0; i < nodes.length; i++) {
            shapes[i] = nodes[i].shape();
            scalar[i] = shapes[i].isScalar();
            if (nodes[i] instanceof adjoint.expr.Unary u) {
                unaryRules[i] = ScalarRules.rule(u);
                parameters[i] = ScalarRules.parameter(u);
            } else if (nodes[i] instanceof adjoint.expr.Binary b) {
                binaryRules[i] = ScalarRules.rule(b);
            }
            matrices |= !scalar[i];
            if (nodes[i] instanceof Leaf.MatrixConstant c) {
                matrixConstants.put(i, new Array2DRowRealMatrix(c.value().getData(), false));
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
    Array2DRowRealMatrix constant(int i) {
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
        IdentityIndex index = new IdentityIndex(1024);
        Map<String, Integer> variableIndex = new HashMap<>();
        List<Leaf.Variable> variables = new ArrayList<>();
        List<Expr> order = new ArrayList<>();
        List<int[]> inputs = new ArrayList<>();

        Expr[] stack = new Expr[64];
        int[] next = new int[64];
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            Expr top = stack[sp - 1];
            int k = next[sp - 1];
            if (k < top.arity()) {
                next[sp - 1] = k + 1;
                Expr child = top.input(k);
                if (child == null) {
                    throw new NullPointerException(top.op() + ": input " + k + " is null");
                }
                if (index.get(child) < 0) {
                    if (sp == stack.length) {
                        stack = java.util.Arrays.copyOf(stack, sp * 2);
                        next = java.util.Arrays.copyOf(next, sp * 2);
                    }
                    stack[sp] = child;
                    next[sp] = 0;
                    sp++;
                }
                continue;
            }
            sp--;
            stack[sp] = null;
            if (top instanceof Leaf.Variable v) {
                Integer seen = variableIndex.get(v.name());
                if (seen != null) {
                    Shape first = order.get(seen).shape();
                    if (!first.equals(v.shape())) {
                        throw new VariableConflictException("variable " + v.name() + " is used with two shapes, "
                                + first + " and " + v.shape());
                    }
                    index.put(top, seen);
                    continue;
                }
                variableIndex.put(v.name(), order.size());
                variables.add(v);
            }
            int[] in = new int[top.arity()];
            for (int i = 0; i < in.length; i++) {
                in[i] = index.get(top.input(i));
            }
            index.put(top, order.size());
            order.add(top);
            inputs.add(in);
        }
        return new Program(order.toArray(Expr[]::new), inputs.toArray(int[][]::new), variables, variableIndex);
    }
}
