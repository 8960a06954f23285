package adjoint.eval;

import adjoint.expr.AdjointException;
import adjoint.expr.Custom;
import adjoint.expr.CustomOpException;
import adjoint.expr.Shape;
import java.util.List;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Calls a {@link Custom} op's forward function, pullback and tangent on copies of the interpreter's
 * values, and checks what they return, so that a faulty op fails with a message naming it.
 */
final class CustomCalls {

    private CustomCalls() {}

    /** {@return the op's output, checked to have the declared shape} */
    static double[][] forward(Custom c, Values v, int[] in, Shape shape) {
        List<RealMatrix> args = arguments(v, in);
        RealMatrix out;
        try {
            out = c.forward(args);
        } catch (AdjointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CustomOpException(c.op() + ": forward failed: " + e, e);
        }
        check(c, "forward returned", out, shape);
        return out.getData();
    }

    /** Adds the op's gradients into its inputs' accumulated gradients. */
    static void pullback(Custom c, Values v, Adjoints g, int[] in, int i, boolean[] wants) {
        List<RealMatrix> grads;
        try {
            grads = c.pullback(arguments(v, in), v.copy(i), g.copy(i));
        } catch (AdjointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CustomOpException(c.op() + ": pullback failed: " + e, e);
        }
        if (grads == null || grads.size() != in.length) {
            throw new CustomOpException(c.op() + ": pullback returned " + (grads == null ? "null" : grads.size()
                    + " gradients") + " for " + in.length + " inputs");
        }
        for (int k = 0; k < in.length; k++) {
            RealMatrix gk = grads.get(k);
            check(c, "pullback returned, for input " + k + ",", gk, v.shape(in[k]));
            if (wants[in[k]]) {
                g.accumulate(in[k], gk.getData());
            }
        }
    }

    /** {@return the op's tangent, checked to have the node's shape} */
    static double[][] tangent(Custom c, Values v, Tangents t, int[] in, int i) {
        RealMatrix[] tangents = new RealMatrix[in.length];
        for (int k = 0; k < in.length; k++) {
            tangents[k] = t.has[in[k]] ? t.copy(in[k]) : null;
        }
        RealMatrix out;
        try {
            out = c.tangent(arguments(v, in), v.copy(i), java.util.Collections.unmodifiableList(java.util.Arrays.asList(tangents)));
        } catch (AdjointException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CustomOpException(c.op() + ": tangent failed: " + e, e);
        }
        check(c, "tangent returned", out, v.shape(i));
        return out.getData();
    }

    private static List<RealMatrix> arguments(Values v, int[] in) {
        RealMatrix[] args = new RealMatrix[in.length];
        for (int k = 0; k < in.length; k++) {
            args[k] = v.copy(in[k]);
        }
        return List.of(args);
    }

    private static void check(Custom c, String what, RealMatrix m, Shape expected) {
        if (m == null) {
            throw new CustomOpException(c.op() + ": " + what + " null, expected a " + expected + " matrix");
        }
        Shape got = Shape.of(m.getRowDimension(), m.getColumnDimension());
        if (!got.equals(expected)) {
            throw new CustomOpException(c.op() + ": " + what + " a " + got + " matrix, expected " + expected);
        }
    }
}
