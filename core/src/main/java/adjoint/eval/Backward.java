package adjoint.eval;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Leaf;
import adjoint.expr.Structural;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.kernel.Interrupts;

/**
 * The reverse interpreter: one loop over a {@link Program} from the root back to the leaves.
 * Each node passes to each input its upstream gradient times its local gradient (the
 * vector-Jacobian product); a node used by several others adds up what they pass it. Nodes that
 * depend on no variable are skipped.
 */
final class Backward {

    private Backward() {}

    /**
     * {@return every node's gradient}
     *
     * @param p the program
     * @param v the forward values
     * @param seed the gradient of the result with respect to the root, of the root's shape
     */
    static Adjoints run(Program p, Values v, double[][] seed) {
        return run(p, v, seed, 0);
    }

    /**
     * {@return the gradients of nodes {@code stop} onwards, and what they pass to nodes below}
     *
     * @param p the program
     * @param v the forward values
     * @param seed the gradient of the result with respect to the root
     * @param stop the last node whose pullback runs; nodes below it are treated as leaves
     */
    static Adjoints run(Program p, Values v, double[][] seed, int stop) {
        Adjoints g = new Adjoints(p);
        g.accumulateCopy(p.root, seed);
        // An interrupt is looked for between chunks of nodes, outside the loop that passes gradients.
        for (int top = p.size() - 1; top >= stop; top -= Forward.CHUNK) {
            Interrupts.check();
            run(p, v, g, top, Math.max(stop, top - Forward.CHUNK + 1));
        }
        return g;
    }

    /** Passes the gradients of nodes {@code top} down to {@code bottom}, both included, to their inputs. */
    private static void run(Program p, Values v, Adjoints g, int top, int bottom) {
        boolean[] wants = p.needsGradient;
        // Every node that needs a gradient is reached: each of its users needs one too and passes it one.
        for (int i = top; i >= bottom; i--) {
            int a = p.first(i);
            if (!wants[i] || a < 0) {
                // Depends on no variable, or has no input to pass to (a leaf, or a custom op of none).
                continue;
            }
            int c = p.second(i);
            // Scalar elementwise nodes, most of a scalar graph, go straight to their rule.
            if (p.scalar[i] && Program.isUnary(p.op[i])) {
                g.s[a] += UnaryOp.pullback(p.unary(i), g.s[i], v.s[a], v.s[i]);
                continue;
            }
            if (p.scalar[i] && Program.isBinary(p.op[i])) {
                BinaryOp op = p.binary(i);
                if (wants[a]) {
                    g.s[a] += BinaryOp.pullbackA(op, g.s[i], v.s[a], v.s[c], v.s[i]);
                }
                if (wants[c]) {
                    g.s[c] += BinaryOp.pullbackB(op, g.s[i], v.s[a], v.s[c], v.s[i]);
                }
                continue;
            }
            switch (p.node(i)) {
                case Leaf l -> { }
                case Unary u -> g.accumulate(a,
                        OpKernels.mapPullback(u.fn(), v.data(a), v.data(i), g.data(i)));
                case Binary b -> {
                    if (wants[a]) {
                        g.accumulate(a, OpKernels.zipPullback(b.fn(), true, v.data(a), v.data(c), v.data(i), g.data(i)));
                    }
                    if (wants[c]) {
                        g.accumulate(c, OpKernels.zipPullback(b.fn(), false, v.data(a), v.data(c), v.data(i), g.data(i)));
                    }
                }
                case Structural op -> {
                    int[] in = p.inputs(i);
                    boolean[] wanted = new boolean[in.length];
                    for (int k = 0; k < in.length; k++) {
                        wanted[k] = wants[in[k]];
                    }
                    double[][][] passed = op.pullbacks(wanted, Forward.inputValues(p, v, i), v.data(i), g.data(i), v.pool);
                    for (int k = 0; k < in.length; k++) {
                        if (wanted[k]) {
                            g.accumulate(in[k], passed[k]);
                        }
                    }
                }
                case Custom custom -> CustomCalls.pullback(custom, v, g, p.inputs(i), i, wants);
            }
        }
    }
}
