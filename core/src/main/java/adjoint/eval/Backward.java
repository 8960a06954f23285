package adjoint.eval;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;

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
        boolean[] reached = new boolean[p.nodes.length];
        g.accumulateCopy(p.root, seed);
        reached[p.root] = true;
        boolean[] wants = p.needsGradient;
        for (int i = p.nodes.length - 1; i >= stop; i--) {
            if (!reached[i] || !wants[i]) {
                continue;
            }
            int[] in = p.inputs[i];
            // Scalar elementwise nodes, most of a scalar graph, go straight to their rule.
            if (p.scalar[i] && p.unary[i] != null) {
                int a = in[0];
                g.s[a] += UnaryOp.pullback(p.unary[i], g.s[i], v.s[a], v.s[i]);
                reached[a] = true;
                continue;
            }
            if (p.scalar[i] && p.binary[i] != null) {
                BinaryOp op = p.binary[i];
                int a = in[0];
                int c = in[1];
                if (wants[a]) {
                    g.s[a] += BinaryOp.pullbackA(op, g.s[i], v.s[a], v.s[c], v.s[i]);
                    reached[a] = true;
                }
                if (wants[c]) {
                    g.s[c] += BinaryOp.pullbackB(op, g.s[i], v.s[a], v.s[c], v.s[i]);
                    reached[c] = true;
                }
                continue;
            }
            switch (p.nodes[i]) {
                case Leaf l -> { }
                case Unary u -> g.accumulate(in[0],
                        Kernels.mapPullback(u.fn(), v.data(in[0]), v.data(i), g.data(i)));
                case Binary b -> {
                    int a = in[0];
                    int c = in[1];
                    if (wants[a]) {
                        g.accumulate(a, Kernels.zipPullback(b.fn(), true, v.data(a), v.data(c), v.data(i), g.data(i)));
                    }
                    if (wants[c]) {
                        g.accumulate(c, Kernels.zipPullback(b.fn(), false, v.data(a), v.data(c), v.data(i), g.data(i)));
                    }
                }
                case MatrixOp.MatMul mm when wants[in[0]] && wants[in[1]] && p.shapes[in[1]].cols() == 1 -> {
                    double[][][] both = Kernels.matrixVectorPullback(v.data(in[0]), v.data(in[1]), g.data(i));
                    g.accumulate(in[0], both[0]);
                    g.accumulate(in[1], both[1]);
                }
                case MatrixOp.MatMul mm -> {
                    if (wants[in[0]]) {
                        g.accumulate(in[0], Kernels.multiplyTransposed(g.data(i), v.data(in[1]), v.pool));
                    }
                    if (wants[in[1]]) {
                        g.accumulate(in[1], Kernels.transposeMultiply(v.data(in[0]), g.data(i), v.pool));
                    }
                }
                case MatrixOp.Transpose t -> g.accumulate(in[0], Kernels.transpose(g.data(i)));
                case MatrixOp.Sum s -> g.accumulate(in[0], Kernels.fill(p.shapes[in[0]], g.s[i]));
                case MatrixOp.Broadcast b -> g.s[in[0]] += Kernels.sum(g.data(i));
                case MatrixOp.BroadcastRows b -> g.accumulate(in[0], Kernels.columnSums(g.data(i)));
                case MatrixOp.Trace t -> g.accumulate(in[0], Kernels.scaledIdentity(p.shapes[in[0]].rows(), g.s[i]));
                case MatrixOp.LogSumExpRows l -> g.accumulate(in[0], Kernels.logSumExpRowsPullback(v.data(in[0]), g.data(i)));
                case MatrixOp.SoftmaxRows s -> g.accumulate(in[0], Kernels.softmaxRowsPullback(v.data(i), g.data(i)));
                case Custom c -> CustomCalls.pullback(c, v, g, in, i, wants);
            }
            for (int k : in) {
                reached[k] = true;
            }
        }
        return g;
    }
}
