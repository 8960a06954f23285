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

    /** The number of nodes; the arrays below may be longer. */
    private final int size;
    final Expr[] nodes;
    /** The shape of each node that is not a scalar, null for scalars; null if every node is a scalar. */
    private final Shape[] shapes;
    /** Whether each node is a scalar, read on every step of both passes. */
    final boolean[] scalar;
    /**
     * Each elementwise node's op, read once here so that the passes need no type test for them:
     * {@code 1 + ordinal} of a {@link UnaryOp}, {@code -1 - ordinal} of a {@link BinaryOp},
     * {@link #LEAF} for a scalar constant or variable, 0 for other nodes.
     */
    final byte[] op;
    /** The op code of a scalar constant or variable, whose value is set before the forward pass. */
    static final byte LEAF = Byte.MIN_VALUE;
    /** The scalar constants' nodes, in order, and their values: the first {@link #presetCount} entries. */
    private final int[] presetNodes;
    private final double[] presetValues;
    private final int presetCount;
    /** Each node's first input, or -1 if it has none. */
    final int[] in0;
    /** Each node's second input, or -1 if it has fewer than two. */
    final int[] in1;
    /** The inputs of each node with more than two (a custom op), null for the others; null if there is none. */
    private final int[][] wide;
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
        Objects.requireNonNull(node, "node is null");
        int k = node.arity();
        Builder b = new Builder(k + 1);
        int[] all = new int[k];
        for (int i = 0; i < k; i++) {
            all[i] = b.add(Objects.requireNonNull(node.input(i), () -> node.op() + ": an input is null"), new int[0]);
        }
        b.add(node, all);
        Program p = b.build();
        Arrays.fill(p.needsGradient, true);
        return p;
    }

    /** The builder's arrays, kept as they are: entries from {@link #size} on are unused. */
    private Program(Builder b) {
        this.size = b.size;
        this.nodes = b.nodes;
        this.shapes = b.shapes;
        this.scalar = b.scalar;
        this.op = b.op;
        this.presetNodes = b.presetNodes;
        this.presetValues = b.presetValues;
        this.presetCount = b.presetCount;
        this.in0 = b.in0;
        this.in1 = b.in1;
        this.wide = b.wide;
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

    /** {@return the number of inputs of node {@code i}} */
    int arity(int i) {
        if (wide != null && wide[i] != null) {
            return wide[i].length;
        }
        return in1[i] >= 0 ? 2 : in0[i] >= 0 ? 1 : 0;
    }

    /** {@return the inputs of node {@code i}, a new array} */
    int[] inputs(int i) {
        return switch (arity(i)) {
            case 0 -> new int[0];
            case 1 -> new int[] {in0[i]};
            case 2 -> new int[] {in0[i], in1[i]};
            default -> wide[i].clone();
        };
    }

    /**
     * {@return the program of {@code root}}
     *
     * @throws VariableConflictException if two variables share a name but not a shape
     */
    static Program of(Expr root) {
        Objects.requireNonNull(root, "expression is null");
        Builder b = new Builder(64);
        Exprs.topological(root, b);
        return b.build();
    }

    /**
     * The arrays of a program: those of the whole topological order, kept as they come, or grown
     * as nodes arrive one at a time.
     */
    private static final class Builder implements Exprs.Visitor {
        private Expr[] nodes;
        private Shape[] shapes;
        private boolean[] scalar;
        private byte[] op;
        private int[] in0;
        private int[] in1;
        private int[][] wide;
        private boolean[] needsGradient;
        private int[] presetNodes = new int[0];
        private double[] presetValues = new double[0];
        private int presetCount;
        private int size;
        private final List<Leaf.Variable> variables = new ArrayList<>();
        private int[] variableNodes = new int[8];
        private NameIndex variableIndex = new NameIndex();
        private final Map<Integer, double[][]> constants = new HashMap<>();
        private boolean hasMatrices;

        Builder(int capacity) {
            allocate(capacity);
        }

        private void allocate(int capacity) {
            nodes = new Expr[capacity];
            scalar = new boolean[capacity];
            op = new byte[capacity];
            in0 = new int[capacity];
            in1 = new int[capacity];
            needsGradient = new boolean[capacity];
        }

        /**
         * Keeps the order's arrays as the program's and reads each node once; if two variables
         * share a name, starts again node by node, so that they become one node.
         */
        @Override
        public void visitAll(Expr[] all, int[] first, int[] second, int[][] more) {
            if (size == 0 && adopt(all, first, second, more)) {
                return;
            }
            variables.clear();
            variableIndex = new NameIndex();
            constants.clear();
            hasMatrices = false;
            shapes = null;
            wide = null;
            presetCount = 0;
            size = 0;
            // Arrays of its own, sized for the whole order: the order's are still read while this one is built.
            allocate(all.length);
            Exprs.Visitor.super.visitAll(all, first, second, more);
        }

        /** {@return whether the whole order became the program}: false if two variables share a name */
        private boolean adopt(Expr[] all, int[] first, int[] second, int[][] more) {
            int n = all.length;
            nodes = all;
            in0 = first;
            in1 = second;
            wide = more;
            op = new byte[n];
            scalar = new boolean[n];
            needsGradient = new boolean[n];
            // One loop over the nodes: the scalar elementwise ones and constants in a few stores, the others described.
            for (int i = 0; i < n; i++) {
                Expr node = all[i];
                if (node instanceof Binary b && b.shape().isScalar()) {
                    op[i] = (byte) (-1 - b.fn().ordinal());
                    scalar[i] = true;
                    needsGradient[i] = needsGradient[first[i]] || needsGradient[second[i]];
                } else if (node instanceof Unary u && u.shape().isScalar()) {
                    op[i] = (byte) (1 + u.fn().ordinal());
                    scalar[i] = true;
                    needsGradient[i] = needsGradient[first[i]];
                } else if (node instanceof Leaf.Constant c) {
                    preset(i, c.value());
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
            // The names are indexed once their number is known, so that the index never grows.
            variableIndex = new NameIndex(variables.size());
            for (int k = 0; k < variables.size(); k++) {
                if (variableIndex.putIfAbsent(variables.get(k).name(), variableNodes[k]) >= 0) {
                    return false;
                }
            }
            size = n;
            return true;
        }

        /** Numbers {@code node}, or returns the number of the variable of its name met before. */
        @Override
        public int visit(Expr node, int[] in) {
            return node instanceof Leaf.Variable v ? variable(v, in) : add(node, in);
        }

        /** {@return the number of the variable of this name met before, or else a new number for {@code v}} */
        private int variable(Leaf.Variable v, int[] in) {
            int seen = variableIndex.putIfAbsent(v.name(), size);
            if (seen >= 0) {
                Shape first = shape(seen);
                if (!first.equals(v.shape())) {
                    throw new VariableConflictException("variable " + v.name() + " is used with two shapes, "
                            + first + " and " + v.shape());
                }
                return seen;
            }
            listVariable(v, size);
            return add(v, in);
        }

        /** Lists {@code v}, the first variable of its name, as node {@code i}. */
        private void listVariable(Leaf.Variable v, int i) {
            if (variables.size() == variableNodes.length) {
                variableNodes = Arrays.copyOf(variableNodes, 2 * variableNodes.length);
            }
            variableNodes[variables.size()] = i;
            variables.add(v);
        }

        /** {@return the number given to {@code node}}, the next one, with inputs {@code in} (read, not kept) */
        int add(Expr node, int[] in) {
            int i = size;
            if (i == nodes.length) {
                grow();
            }
            nodes[i] = node;
            in0[i] = in.length > 0 ? in[0] : -1;
            in1[i] = in.length > 1 ? in[1] : -1;
            if (in.length > 2) {
                if (wide == null) {
                    wide = new int[nodes.length][];
                }
                wide[i] = in.clone();
            }
            describe(i);
            size++;
            return i;
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

        /** Reads the op, the shape and whether it needs a gradient of node {@code i}, whose inputs are set. */
        private void describe(int i) {
            Expr node = nodes[i];
            Shape shape;
            boolean needs = false;
            if (node instanceof Binary b) {
                op[i] = (byte) (-1 - b.fn().ordinal());
                shape = b.shape();
            } else if (node instanceof Unary u) {
                op[i] = (byte) (1 + u.fn().ordinal());
                shape = u.shape();
            } else {
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
            } else if (node instanceof Leaf.Constant c) {
                preset(i, c.value());
            }
            if (!isScalar) {
                if (shapes == null) {
                    shapes = new Shape[nodes.length];
                }
                shapes[i] = shape;
                hasMatrices = true;
            }
            needs |= in0[i] >= 0 && needsGradient[in0[i]];
            needs |= in1[i] >= 0 && needsGradient[in1[i]];
            if (wide != null && wide[i] != null) {
                for (int k : wide[i]) {
                    needs |= needsGradient[k];
                }
            }
            needsGradient[i] = needs;
        }

        private void grow() {
            int n = nodes.length * 2;
            nodes = Arrays.copyOf(nodes, n);
            if (shapes != null) {
                shapes = Arrays.copyOf(shapes, n);
            }
            scalar = Arrays.copyOf(scalar, n);
            op = Arrays.copyOf(op, n);
            in0 = Arrays.copyOf(in0, n);
            in1 = Arrays.copyOf(in1, n);
            needsGradient = Arrays.copyOf(needsGradient, n);
            if (wide != null) {
                wide = Arrays.copyOf(wide, n);
            }
        }

        private Shape shape(int i) {
            return scalar[i] ? Shape.SCALAR : shapes[i];
        }

        Program build() {
            return new Program(this);
        }
    }
}
