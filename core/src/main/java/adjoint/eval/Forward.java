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
 * The forward interpreter: one loop over a {@link Program} in topological order, computing every
 * node's value from its inputs' values.
 */
final class Forward {

    private Forward() {}

    /**
     * Computes every node's value.
     *
     * @param p the program
     * @param v the values, with every variable's node already set
     */
    static void run(Program p, Values v) {
        run(p, v, 0);
    }

    /**
     * Computes the values of nodes {@code start} onwards, those before being already set.
     *
     * @param p the program
     * @param v the values, set for every node below {@code start} and every variable
     * @param start the first node to compute
     */
    static void run(Program p, Values v, int start) {
        // An interrupt is looked for between chunks of nodes, outside the loop that computes them,
        // which a check in its body slowed by a third.
        for (int from = start; from < p.size(); from += CHUNK) {
            Interrupts.check();
            run(p, v, from, Math.min(p.size(), from + CHUNK));
        }
    }

    /** How many nodes a pass computes between two looks for an interrupt. */
    static final int CHUNK = 1 << 16;

    /** Computes the values of nodes {@code from} (inclusive) to {@code to} (exclusive). */
    private static void run(Program p, Values v, int from, int to) {
        for (int i = from; i < to; i++) {
            int a = p.first(i);
            byte code = p.op[i];
            // Scalar leaves, set before this pass, and scalar elementwise nodes, most of a scalar
            // graph, need no pattern switch.
            if (code == Program.LEAF) {
                continue;
            }
            if (p.scalar[i] && Program.isUnary(code)) {
                v.s[i] = UnaryOp.value(p.unary(i), v.s[a]);
                continue;
            }
            if (p.scalar[i] && Program.isBinary(code)) {
                v.s[i] = BinaryOp.value(p.binary(i), v.s[a], v.s[p.second(i)]);
                continue;
            }
            switch (p.node(i)) {
                case Leaf.Variable x -> { }
                case Leaf.Constant c -> v.s[i] = c.value();
                case Leaf.MatrixConstant c -> v.put(i, p.constant(i));
                case Unary u -> v.put(i, OpKernels.map(u.fn(), v.data(a)));
                case Binary b -> v.put(i, OpKernels.zip(b.fn(), v.data(a), v.data(p.second(i))));
                case Structural op -> v.put(i, op.value(inputValues(p, v, i), v.pool));
                case Custom c -> v.put(i, CustomCalls.forward(c, v, p.inputs(i), p.shape(i)));
            }
        }
    }

    /** {@return the values of node {@code i}'s inputs, in input order, a scalar as {@code 1 x 1}} */
    static double[][][] inputValues(Program p, Values v, int i) {
        int n = p.arity(i);
        if (n == 1) {
            return new double[][][] {v.data(p.first(i))};
        }
        if (n == 2) {
            return new double[][][] {v.data(p.first(i)), v.data(p.second(i))};
        }
        int[] in = p.inputs(i);
        double[][][] r = new double[in.length][][];
        for (int k = 0; k < in.length; k++) {
            r[k] = v.data(in[k]);
        }
        return r;
    }
}
