package adjoint.eval;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Leaf;
import adjoint.expr.Structural;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.kernel.Interrupts;
import adjoint.kernel.Kernels;

/**
 * The forward-mode interpreter: one loop over a {@link Program} in topological order, after the
 * forward pass, computing every node's tangent from its inputs' tangents by the op's own tangent
 * rule (the Jacobian-vector product). Nodes that depend on no parameter carry no tangent and are
 * skipped.
 */
final class Tangent {

    private Tangent() {}

    /**
     * Computes every node's tangent.
     *
     * @param p the program
     * @param v the forward values, every node's set
     * @param t the tangents, with every parameter's node already set to its direction
     */
    static void run(Program p, Values v, Tangents t) {
        run(p, v, t, 0);
    }

    /**
     * Computes the tangents of nodes {@code start} onwards, those before being already set.
     *
     * @param p the program
     * @param v the forward values, every node's set
     * @param t the tangents, set for every node below {@code start}
     * @param start the first node whose tangent to compute
     */
    static void run(Program p, Values v, Tangents t, int start) {
        for (int from = start; from < p.size(); from += Forward.CHUNK) {
            Interrupts.check();
            run(p, v, t, from, Math.min(p.size(), from + Forward.CHUNK));
        }
    }

    private static void run(Program p, Values v, Tangents t, int from, int to) {
        boolean[] has = t.has;
        for (int i = from; i < to; i++) {
            int a = p.first(i);
            byte code = p.op[i];
            if (!has[i] || code == Program.LEAF) {
                continue;
            }
            if (p.scalar[i] && Program.isUnary(code)) {
                t.s[i] = UnaryOp.tangent(p.unary(i), t.s[a], v.s[a], v.s[i]);
                continue;
            }
            int c = p.second(i);
            if (p.scalar[i] && Program.isBinary(code)) {
                t.s[i] = BinaryOp.tangent(p.binary(i), t.s[a], has[a], t.s[c], has[c], v.s[a], v.s[c], v.s[i]);
                continue;
            }
            switch (p.node(i)) {
                case Leaf l -> { }
                case Unary u -> t.put(i, OpKernels.mapPullback(u.fn(), v.data(a), v.data(i), t.data(a)));
                case Binary b -> {
                    double[][] d = null;
                    if (has[a]) {
                        d = OpKernels.zipPullback(b.fn(), true, v.data(a), v.data(c), v.data(i), t.data(a));
                    }
                    if (has[c]) {
                        double[][] e = OpKernels.zipPullback(b.fn(), false, v.data(a), v.data(c), v.data(i), t.data(c));
                        if (d == null) {
                            d = e;
                        } else {
                            Kernels.addInto(d, e);
                        }
                    }
                    t.put(i, d);
                }
                case Structural op -> t.put(i, op.tangent(Forward.inputValues(p, v, i), v.data(i), inputTangents(p, t, i), v.pool));
                case Custom custom -> t.put(i, CustomCalls.tangent(custom, v, t, p.inputs(i), i));
            }
        }
    }

    /** {@return the tangents of node {@code i}'s inputs, null for one that carries none} */
    private static double[][][] inputTangents(Program p, Tangents t, int i) {
        int[] in = p.inputs(i);
        double[][][] r = new double[in.length][][];
        for (int k = 0; k < in.length; k++) {
            r[k] = t.orNull(in[k]);
        }
        return r;
    }
}
