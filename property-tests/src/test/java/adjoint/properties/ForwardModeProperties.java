package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.Jvp;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import adjoint.symbolic.Derivatives;
import adjoint.symbolic.Hessian;
import adjoint.symbolic.HessianVectorProduct;
import adjoint.symbolic.SecondOrder;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import adjoint.testkit.Laws;
import adjoint.testkit.Sample;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Forward mode and second order against reverse mode and the symbolic Hessian, on random scalar
 * and matrix expressions at random points (the generators' edge points included): the
 * directional derivative is the gradient dotted with the direction; forward and reverse
 * Jacobians agree; the Hessian-vector product is the symbolic Hessian times the vector; the
 * Hessian is symmetric; a compiled function's results equal the one-shot ones bit for bit.
 */
class ForwardModeProperties {

    static final Coverage JVP = new Coverage();
    static final Coverage JACOBIANS = new Coverage();
    static final Coverage HVP = new Coverage();
    static final Coverage REUSE = new Coverage();

    @AfterAll
    static void report() {
        System.out.println("[ForwardModeProperties] seed " + Theories.SEED + ", jvp equals gradient · v: " + JVP.summary());
        System.out.println("[ForwardModeProperties] forward and reverse Jacobians agree: " + JACOBIANS.summary());
        System.out.println("[ForwardModeProperties] hvp equals the symbolic Hessian times v, Hessian symmetric: " + HVP.summary());
        System.out.println("[ForwardModeProperties] compiled equals one-shot, bit for bit: " + REUSE.summary());
    }

    @Test
    void theDirectionalDerivativeIsTheGradientDottedWithTheDirection() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            JVP.record(s);
            List<Term> vars = Laws.variables(s.point());
            CompiledFunction f = CompiledFunction.of(s.expression(), vars);
            double[] v = direction(s.expression().hashCode(), f.dimension());
            Jvp jvp = f.jvp(s.point(), directionBindings(f, v));
            double[] g = f.gradient(s.point()).toArray();
            double dot = 0;
            double scale = 0;
            for (int k = 0; k < v.length; k++) {
                dot += g[k] * v[k];
                scale += Math.abs(g[k] * v[k]);
            }
            close("jvp", jvp.derivative(), dot, scale, s);
            if (Double.compare(jvp.value(), f.value(s.point())) != 0) {
                throw new AssertionError("the jvp's value " + jvp.value() + " is not the value " + f.value(s.point()) + ", for " + s);
            }
        });
    }

    @Test
    void forwardAndReverseJacobiansAgree() {
        qt().forAll(Expressions.matrix().samples(), Expressions.matrix().samples(Shape.of(2, 3))).checkAssert((a, b) -> {
            jacobiansAgree(a);
            jacobiansAgree(b);
        });
    }

    static void jacobiansAgree(Sample s) {
        JACOBIANS.record(s);
        CompiledFunction f = CompiledFunction.of(s.expression(), Laws.variables(s.point()));
        if (f.dimension() == 0) {
            try {
                f.jacobian(s.point());
                throw new AssertionError("a Jacobian with no columns for " + s);
            } catch (IllegalStateException expected) {
                return;
            }
        }
        {
            RealMatrix forward = f.jacobianForward(s.point());
            RealMatrix reverse = f.jacobianReverse(s.point());
            for (int i = 0; i < forward.getRowDimension(); i++) {
                double scale = 0;
                for (int j = 0; j < forward.getColumnDimension(); j++) {
                    scale = Math.max(scale, Math.abs(reverse.getEntry(i, j)));
                }
                for (int j = 0; j < forward.getColumnDimension(); j++) {
                    close("J[" + i + "," + j + "]", forward.getEntry(i, j), reverse.getEntry(i, j), scale, s);
                }
            }
        }
    }

    @Test
    void theHessianVectorProductIsTheSymbolicHessianTimesTheVectorAndTheHessianIsSymmetric() {
        qt().forAll(Expressions.scalar().withMaxDepth(5).samples().assuming(s -> !s.point().names().isEmpty())).checkAssert(s -> {
            HVP.record(s);
            List<Term> vars = Laws.variables(s.point());
            SecondOrder second = SecondOrder.of(s.expression(), vars);
            RealMatrix symbolic = Derivatives.hessian(s.expression(), vars, s.point());
            double[] v = direction(s.expression().hashCode(), second.dimension());
            HessianVectorProduct hvp = second.hvp(s.point(), directionBindings(second.layout().parameters(), v));
            double[] hv = hvp.toArray();
            double[] expected = symbolic.operate(v);
            for (int k = 0; k < hv.length; k++) {
                double scale = 0;
                for (int j = 0; j < v.length; j++) {
                    scale += Math.abs(symbolic.getEntry(k, j) * v[j]);
                }
                close("(Hv)[" + k + "]", hv[k], expected[k], scale, s);
            }
            Hessian h = second.hessian(s.point());
            double[][] m = h.toArray();
            for (int i = 0; i < m.length; i++) {
                for (int j = 0; j < i; j++) {
                    close("H[" + i + "," + j + "] against H[" + j + "," + i + "]", m[i][j], m[j][i],
                            Math.max(Math.abs(m[i][j]), Math.abs(m[j][i])), s);
                }
            }
            Gradient g = CompiledFunction.of(s.expression(), vars).gradient(s.point());
            double[] gs = hvp.gradient().toArray();
            double[] gb = g.toArray();
            for (int k = 0; k < gb.length; k++) {
                close("the gradient that comes with the hvp, entry " + k, gs[k], gb[k], Math.abs(gb[k]), s);
            }
        });
    }

    @Test
    void aCompiledFunctionsForwardModeEqualsTheOneShotBitForBit() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            REUSE.record(s);
            List<Term> vars = Laws.variables(s.point());
            CompiledFunction reused = CompiledFunction.of(s.expression(), vars);
            reused.jvp(s.point(), Bindings.empty());
            double[] v = direction(s.expression().hashCode() + 1, reused.dimension());
            Bindings along = directionBindings(reused, v);
            Jvp again = reused.jvp(s.point(), along);
            Jvp once = CompiledFunction.of(s.expression(), vars).jvp(s.point(), along);
            double[] flat = reused.linearize(s.point()).jvp(v);
            if (Double.compare(again.derivative(), once.derivative()) != 0 || Double.compare(flat[0], once.derivative()) != 0) {
                throw new AssertionError("reused jvp " + again.derivative() + ", flat " + flat[0] + " but one-shot " + once.derivative()
                        + ", for " + s);
            }
        });
    }

    /** {@return a direction of {@code d} entries drawn from {@code seed}, some of them exactly 0} */
    static double[] direction(long seed, int d) {
        Random random = new Random(seed);
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = random.nextInt(4) == 0 ? 0 : random.nextGaussian();
        }
        return v;
    }

    static Bindings directionBindings(CompiledFunction f, double[] v) {
        return directionBindings(f.parameters(), v);
    }

    static Bindings directionBindings(List<adjoint.expr.Leaf.Variable> parameters, double[] v) {
        Bindings b = Bindings.empty();
        int at = 0;
        for (adjoint.expr.Leaf.Variable p : parameters) {
            Shape s = p.shape();
            double[][] m = new double[s.rows()][s.cols()];
            for (double[] row : m) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = v[at++];
                }
            }
            b = b.and(p.name(), m);
        }
        return b;
    }

    /** Holds two numbers equal to rounding, relative to {@code scale}: the size of the terms summed; NaN only with NaN. */
    static void close(String what, double actual, double expected, double scale, Sample s) {
        if (Double.compare(actual, expected) == 0) {
            return;
        }
        boolean bothNaN = Double.isNaN(actual) && Double.isNaN(expected);
        double tolerance = 1e-12 + 1e-9 * (Double.isFinite(scale) ? scale : 0);
        if (!bothNaN && !(Math.abs(actual - expected) <= tolerance)) {
            throw new AssertionError(String.format(Locale.ROOT, "%s is %s but should be %s (scale %s), for %s", what, actual, expected,
                    scale, s));
        }
    }
}
