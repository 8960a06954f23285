package adjoint.eval;

import adjoint.graph.Order;
import adjoint.expr.Binary;
import adjoint.expr.CustomOpException;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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

    private static final UnaryOp[] UNARY = UnaryOp.values();
    private static final BinaryOp[] BINARY = BinaryOp.values();

    /** The number of nodes. */
    private final int size;
    /** The nodes in topological order, with their inputs' positions; read in place, never copied. */
    private final Order order;
    /** The shape of each node that is not a scalar, null for scalars; null if every node is a scalar. */
    private final Shape[] shapes;
    /** Whether each node is a scalar, read on every step of both passes. */
    final boolean[] scalar;
    /**
     * Each node's op code, read once here so that the passes need no type test for the scalar
     * elementwise nodes: {@link #code(UnaryOp)}, {@link #code(BinaryOp)}, {@link #LEAF} or
     * {@link #OTHER}.
     */
    final byte[] op;
    /** The op code of a scalar constant or variable, whose value is set before the forward pass. */
    static final byte LEAF = Byte.MIN_VALUE;
    /** The op code of every other node: matrices, structural and custom ops, which go through a pattern switch. */
    static final byte OTHER = 0;

    /** {@return the op code of a node of {@code op}: positive} */
    static byte code(UnaryOp op) { return (byte) (1 + op.ordinal()); }

    /** {@return the op code of a node of {@code op}: negative, above {@link #LEAF}} */
    static byte code(BinaryOp op) { return (byte) (-1 - op.ordinal()); }

    /** {@return whether {@code code} is a {@link UnaryOp}'s} */
    static boolean isUnary(byte code) { return code > 0; }

    /** {@return whether {@code code} is a {@link BinaryOp}'s} */
    static boolean isBinary(byte code) { return code < 0 && code != LEAF; }
    /** The scalar constants' nodes, in order, and their values: the first {@link #presetCount} entries. */
    private final int[] presetNodes;
    private final double[] presetValues;
    private final int presetCount;
    /** Whether a node depends on a variable, so that its gradient is worth computing. */
    final boolean[] needsGradient;
    /** Variables in the order first met. */
    final List<Leaf.Variable> variables;
    /** The node of each of {@link #variables}, in the same order. */
    private final int[] variableNodes;
    /** Each variable's node, by name; not to be changed. */
    private final NameIndex variableIndex;
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
        Program p = new Builder(Order.ofNode(node)).build();
        Arrays.fill(p.needsGradient, true);
        return p;
    }

    /** The builder's arrays, kept as they are. */
    private Program(Builder b) {
        this.size = b.size;
        this.order = b.order;
        this.shapes = b.shapes;
        this.scalar = b.scalar;
        this.op = b.op;
        this.presetNodes = b.presetNodes;
        this.presetValues = b.presetValues;
        this.presetCount = b.presetCount;
        this.needsGradient = b.needsGradient;
        this.variables = Collections.unmodifiableList(b.variables);
        this.variableNodes = b.variableNodes;
        this.variableIndex = b.variableIndex;
        this.root = size - 1;
        this.constants = b.constants;
        this.hasMatrices = b.hasMatrices;
    }

    /** {@return the shape of node {@code i}} */
    Shape shape(int i) {
        return scalar[i] ? Shape.SCALAR : shapes[i];
    }

    /** {@return the unary op of node {@code i}, which must have one} */
    UnaryOp unary(int i) {
        return UNARY[op[i] - 1];
    }

    /** {@return the binary op of node {@code i}, which must have one} */
    BinaryOp binary(int i) {
        return BINARY[-1 - op[i]];
    }

    /** {@return the value of every node before the forward pass}: each scalar constant's, zeros elsewhere; a new array */
    double[] presets() {
        double[] s = new double[size];
        for (int k = 0; k < presetCount; k++) {
            s[presetNodes[k]] = presetValues[k];
        }
        return s;
    }

    /** {@return the value of matrix constant node {@code i}; not to be changed} */
    double[][] constant(int i) {
        return constants.get(i);
    }

    /** {@return the number of nodes} */
    int size() {
        return size;
    }

    /** {@return the node of the variable named {@code name}, or -1 if the program has none} */
    int variableNode(String name) {
        return variableIndex.get(name);
    }

    /** {@return the node of variable {@code k} of {@link #variables}} */
    int variableNode(int k) {
        return variableNodes[k];
    }

    /** {@return node {@code i}} */
    Expr node(int i) {
        return order.node(i);
    }

    /** {@return node {@code i}'s first input, or -1 if it has none}: the passes' read, in place */
    int first(int i) {
        return order.first(i);
    }

    /** {@return node {@code i}'s second input, or -1 if it has fewer than two} */
    int second(int i) {
        return order.second(i);
    }

    /** {@return the number of inputs of node {@code i}} */
    int arity(int i) {
        return order.arity(i);
    }

    /** {@return the inputs of node {@code i}, a new array} */
    int[] inputs(int i) {
        int[] in = new int[order.arity(i)];
        for (int k = 0; k < in.length; k++) {
            in[k] = order.input(i, k);
        }
        return in;
    }

    /**
     * {@return the program of {@code root}}: its order, with variables of one name merged into one
     * node (a step of its own, taken only when a name repeats)
     *
     * @throws VariableConflictException if two variables share a name but not a shape
     */
    static Program of(Expr root) {
        Objects.requireNonNull(root, "expression is null");
        Order order = Order.of(root);
        Builder b = new Builder(order);
        return b.namesRepeat ? new Builder(SameNames.merged(order)).build() : b.build();
    }

    /** The arrays of a program, read from an order in one loop over its nodes. */
    private static final class Builder {
        private final Order order;
        private Shape[] shapes;
        private final boolean[] scalar;
        private final byte[] op;
        private final boolean[] needsGradient;
        private int[] presetNodes = new int[0];
        private double[] presetValues = new double[0];
        private int presetCount;
        private final int size;
        private final List<Leaf.Variable> variables = new ArrayList<>();
        private int[] variableNodes = new int[8];
        private NameIndex variableIndex;
        private final Map<Integer, double[][]> constants = new HashMap<>();
        private boolean hasMatrices;
        /** Whether two variables share a name, so that the order must be merged first. */
        final boolean namesRepeat;

        Builder(Order order) {
            this.order = order;
            int n = order.size();
            size = n;
            op = new byte[n];
            scalar = new boolean[n];
            needsGradient = new boolean[n];
            // One loop over the nodes: the scalar elementwise ones and constants in a few stores, the others described.
            order.forEach(this::read);
            // The names are indexed once their number is known, so that the index never grows.
            variableIndex = new NameIndex(variables.size());
            boolean repeat = false;
            for (int k = 0; k < variables.size() && !repeat; k++) {
                repeat = variableIndex.putIfAbsent(variables.get(k).name(), variableNodes[k]) >= 0;
            }
            namesRepeat = repeat;
        }

        /** Reads node {@code i}, whose inputs are {@code a} and {@code c} (-1 where absent), in a few stores if it is scalar and elementwise. */
        private void read(int i, Expr node, int a, int c) {
            // A node of a local program (Order.ofNode) stands as a leaf for its inputs: it has none, and is described.
            if (node instanceof Binary b && c >= 0 && b.shape().isScalar()) {
                op[i] = code(b.fn());
                scalar[i] = true;
                needsGradient[i] = needsGradient[a] || needsGradient[c];
            } else if (node instanceof Unary u && a >= 0 && u.shape().isScalar()) {
                op[i] = code(u.fn());
                scalar[i] = true;
                needsGradient[i] = needsGradient[a];
            } else if (node instanceof Leaf.Constant k) {
                preset(i, k.value());
            } else if (node instanceof Leaf.Variable v) {
                listVariable(v, i);
                if (v.shape().isScalar()) {
                    op[i] = LEAF;
                    scalar[i] = true;
                    needsGradient[i] = true;
                } else {
                    describe(i);
                }
            } else {
                describe(i);
            }
        }

        /** Lists {@code v}, a variable, as node {@code i}. */
        private void listVariable(Leaf.Variable v, int i) {
            if (variables.size() == variableNodes.length) {
                variableNodes = Arrays.copyOf(variableNodes, 2 * variableNodes.length);
            }
            variableNodes[variables.size()] = i;
            variables.add(v);
        }

        /** Makes node {@code i} a scalar leaf whose value, {@code value}, is set before the forward pass. */
        private void preset(int i, double value) {
            if (presetCount == presetNodes.length) {
                presetNodes = Arrays.copyOf(presetNodes, Math.max(16, 2 * presetCount));
                presetValues = Arrays.copyOf(presetValues, presetNodes.length);
            }
            presetNodes[presetCount] = i;
            presetValues[presetCount++] = value;
            op[i] = LEAF;
            scalar[i] = true;
        }

        /** Reads the op, the shape, the inputs and whether it needs a gradient of node {@code i}, one not read in the loop. */
        private void describe(int i) {
            Expr node = order.node(i);
            Shape shape;
            boolean needs = false;
            if (node instanceof Binary b) {
                op[i] = code(b.fn());
                shape = b.shape();
            } else if (node instanceof Unary u) {
                op[i] = code(u.fn());
                shape = u.shape();
            } else {
                op[i] = OTHER;
                shape = node.shape();
                if (shape == null) {
                    throw new CustomOpException(node.op() + ": shape() returned null");
                }
                needs = node instanceof Leaf.Variable;
                if (node instanceof Leaf.MatrixConstant c) {
                    constants.put(i, c.value().getData());
                }
            }
            boolean isScalar = shape.isScalar();
            scalar[i] = isScalar;
            if (node instanceof Leaf.Variable && isScalar) {
                op[i] = LEAF;
            }
            if (!isScalar) {
                if (shapes == null) {
                    shapes = new Shape[size];
                }
                shapes[i] = shape;
                hasMatrices = true;
            }
            for (int k = 0; k < order.arity(i); k++) {
                needs |= needsGradient[order.input(i, k)];
            }
            needsGradient[i] = needs;
        }

        Program build() {
            return new Program(this);
        }
    }
}
