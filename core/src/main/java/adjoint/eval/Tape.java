package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A record of one forward and backward pass: every node of the graph, in the topological order
 * the forward pass visits them (inputs first, the root last; backprop visits them in reverse),
 * with its value and its gradient (the adjoint: the derivative of the result with respect to
 * the node, summed over every use). Nodes are numbered by that order.
 */
public final class Tape {

    private final Program program;
    private final Values values;
    private final Adjoints gradients;
    private final int[] parent;
    private final int[] parentSlot;
    private final int[] depth;
    private final int[] uses;

    Tape(Program program, Values values, Adjoints gradients) {
        this.program = program;
        this.values = values;
        this.gradients = gradients;
        int n = program.size();
        this.parent = new int[n];
        this.parentSlot = new int[n];
        this.depth = new int[n];
        this.uses = new int[n];
        Arrays.fill(parent, -1);
        for (int i = n - 1; i >= 0; i--) {
            int[] in = program.inputs(i);
            for (int k = 0; k < in.length; k++) {
                uses[in[k]]++;
                if (parent[in[k]] < 0 && in[k] != program.root) {
                    parent[in[k]] = i;
                    parentSlot[in[k]] = k;
                    depth[in[k]] = depth[i] + 1;
                }
            }
        }
    }

    /** {@return the number of nodes} */
    public int size() {
        return program.size();
    }

    /** {@return the index of the root, the last node} */
    public int root() {
        return program.root;
    }

    /**
     * {@return node {@code i}}
     *
     * @param i the node's number on the tape
     */
    public Expr node(int i) {
        return program.node(check(i));
    }

    /**
     * {@return the shape of node {@code i}}
     *
     * @param i the node's number on the tape
     */
    public Shape shape(int i) {
        return program.shape(check(i));
    }

    /**
     * {@return the indices of node {@code i}'s inputs, in input order}
     *
     * @param i the node's number on the tape
     */
    public int[] inputs(int i) {
        return program.inputs(check(i));
    }

    /**
     * {@return how many times node {@code i} is an input of another node}
     *
     * @param i the node's number on the tape
     */
    public int uses(int i) {
        return uses[check(i)];
    }

    /** {@return the variables, in the order first met} */
    public List<Leaf.Variable> variables() {
        return List.copyOf(program.variables);
    }

    /**
     * {@return the value of node {@code i}, as a new matrix (a scalar as {@code 1x1})}
     *
     * @param i the node's number on the tape
     */
    public RealMatrix value(int i) {
        return values.copy(check(i));
    }

    /**
     * {@return the value of scalar node {@code i}}
     *
     * @param i the node's number on the tape
     */
    public double scalarValue(int i) {
        requireScalar(i);
        return values.s[i];
    }

    /** {@return the value of the root} */
    public double value() {
        return values.s[program.root];
    }

    /**
     * {@return the gradient of the result with respect to node {@code i}}, summed over all its
     * uses, as a new matrix of the node's shape; zeros for a node no variable flows through
     *
     * @param i the node's number on the tape
     */
    public RealMatrix gradient(int i) {
        if (!program.needsGradient[check(i)]) {
            return new Array2DRowRealMatrix(shape(i).rows(), shape(i).cols());
        }
        return gradients.copy(i);
    }

    /**
     * {@return the gradient with respect to scalar node {@code i}}
     *
     * @param i the node's number on the tape
     */
    public double scalarGradient(int i) {
        requireScalar(i);
        return program.needsGradient[i] ? gradients.s[i] : 0.0;
    }

    /**
     * {@return whether node {@code i} depends on a variable, so that backprop computes its gradient}
     *
     * @param i the node's number on the tape
     */
    public boolean carriesGradient(int i) {
        return program.needsGradient[check(i)];
    }

    /**
     * {@return how many edges lie between the root and node {@code i} on its first path found}
     *
     * @param i the node's number on the tape
     */
    public int depth(int i) {
        return depth[check(i)];
    }

    /**
     * {@return where node {@code i} sits}: the path from the root to it, each step naming the op
     * and which of its inputs is taken, as {@code inv > add[0] > square[0] > sin}; long paths
     * keep their ends
     *
     * @param i the node's number on the tape
     */
    public String location(int i) {
        check(i);
        List<Integer> path = new ArrayList<>();
        for (int j = i; j >= 0; j = parent[j]) {
            path.add(j);
        }
        Collections.reverse(path);
        List<String> steps = new ArrayList<>();
        for (int k = 0; k < path.size(); k++) {
            if (path.size() > 9 && k == 3) {
                steps.add("…");
                k = path.size() - 6;
                continue;
            }
            int j = path.get(k);
            String op = program.node(j) instanceof Leaf.Variable v ? v.name() : program.node(j).op();
            steps.add(k + 1 < path.size() ? op + "[" + parentSlot[path.get(k + 1)] + "]" : op);
        }
        return String.join(" > ", steps);
    }

    private int check(int i) {
        if (i < 0 || i >= program.size()) {
            throw new IndexOutOfBoundsException("node " + i + " of a tape of " + program.size() + " nodes");
        }
        return i;
    }

    private void requireScalar(int i) {
        if (!shape(i).isScalar()) {
            throw new IllegalArgumentException("node " + i + " (" + program.node(i).op() + ") is " + shape(i)
                    + ", not a scalar; use value(i) or gradient(i)");
        }
    }
}
