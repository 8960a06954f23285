package adjoint.testkit;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.check.NodeCheck;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.eval.NodeRule;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Term;
import io.vavr.collection.Seq;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The laws backprop must obey, as assertions on generated samples: each throws an
 * {@link AssertionError} that says what broke and where. Use them from any test framework;
 * with QuickTheories, {@code qt().forAll(Expressions.scalar().samples()).checkAssert(Laws::gradientMatchesFiniteDifferences)}.
 */
public final class Laws {

    /** Relative tolerance of laws whose two sides differ only by rounding. */
    public static final double ROUNDING = 1e-9;

    private Laws() {}

    /** Backprop's gradient equals the checker's finite differences, with the default tolerance. */
    public static void gradientMatchesFiniteDifferences(Sample s) {
        gradientMatchesFiniteDifferences(s, GradientCheck.defaults());
    }

    /** Backprop's gradient equals the checker's finite differences, with the given check. */
    public static void gradientMatchesFiniteDifferences(Sample s, GradientCheck check) {
        CheckReport r = check.check(s.expression(), s.point());
        if (r.failed()) {
            throw new AssertionError("backprop disagrees with finite differences for " + s + "\n" + r.render());
        }
    }

    /** The gradient of {@code f + g} is the gradient of {@code f} plus that of {@code g}. */
    public static void gradientOfASumIsTheSumOfGradients(SamplePair p) {
        List<Term> vars = variables(p.point());
        Gradient sum = CompiledFunction.of(new Binary(BinaryOp.ADD, p.f(), p.g()), vars).gradient(p.point());
        Gradient gf = CompiledFunction.of(p.f(), vars).gradient(p.point());
        Gradient gg = CompiledFunction.of(p.g(), vars).gradient(p.point());
        for (String name : sum.variables()) {
            assertClose("d(f+g)/d" + name, sum.matrix(name), gf.matrix(name).add(gg.matrix(name)), p);
        }
    }

    /** Scaling an expression by a constant scales its gradient by the same constant. */
    public static void scalingByAConstantScalesTheGradient(Sample s, double c) {
        List<Term> vars = variables(s.point());
        Gradient scaled = CompiledFunction.of(new Binary(BinaryOp.MUL, new Leaf.Constant(c), s.expression()), vars).gradient(s.point());
        Gradient plain = CompiledFunction.of(s.expression(), vars).gradient(s.point());
        for (String name : plain.variables()) {
            assertClose("d(" + c + " f)/d" + name, scaled.matrix(name), plain.matrix(name).scalarMultiply(c), s);
        }
    }

    /**
     * Constants have zero gradient: the expression with every variable frozen to its value has
     * a zero gradient, and adding it leaves the gradient unchanged.
     */
    public static void constantsHaveZeroGradient(Sample s) {
        List<Term> vars = variables(s.point());
        Expr frozen = freeze(s.expression(), s.point());
        Gradient zero = CompiledFunction.of(frozen, vars).gradient(s.point());
        for (String name : zero.variables()) {
            RealMatrix m = zero.matrix(name);
            if (m.getNorm() != 0) {
                throw new AssertionError("d(constant)/d" + name + " is " + m + ", not zero, for " + s);
            }
        }
        Gradient plus = CompiledFunction.of(new Binary(BinaryOp.ADD, s.expression(), frozen), vars).gradient(s.point());
        Gradient plain = CompiledFunction.of(s.expression(), vars).gradient(s.point());
        for (String name : plain.variables()) {
            assertClose("d(f + constant)/d" + name, plus.matrix(name), plain.matrix(name), s);
        }
    }

    /** A shared sub-expression and its duplicated copies give the same value and gradient. */
    public static void sharingDoesNotChangeTheGradient(Sample s) {
        List<Term> vars = variables(s.point());
        Gradient shared = CompiledFunction.of(s.expression(), vars).gradient(s.point());
        Gradient copied = CompiledFunction.of(Graphs.unshare(s.expression()), vars).gradient(s.point());
        assertClose("the value", scalar(copied.value()), scalar(shared.value()), s);
        for (String name : shared.variables()) {
            assertClose("d/d" + name + " unshared", copied.matrix(name), shared.matrix(name), s);
        }
    }

    /** A compiled function reused at many points gives exactly what one-shot evaluation gives. */
    public static void compiledReuseEqualsOneShot(Sample s, Seq<Bindings> points) {
        CompiledFunction f = CompiledFunction.of(s.expression(), variables(s.point()));
        for (Bindings at : points) {
            Gradient reused = f.gradient(at);
            Gradient once = CompiledFunction.of(s.expression(), variables(s.point())).gradient(at);
            if (Double.doubleToLongBits(reused.value()) != Double.doubleToLongBits(once.value())) {
                throw new AssertionError("reused value " + reused.value() + " but one-shot " + once.value() + " for " + s.expression()
                        + " at " + at);
            }
            for (String name : once.variables()) {
                if (!Arrays.deepEquals(reused.matrix(name).getData(), once.matrix(name).getData())) {
                    throw new AssertionError("reused d/d" + name + " " + reused.matrix(name) + " but one-shot "
                            + once.matrix(name) + " for " + s.expression() + " at " + at);
                }
            }
        }
    }

    /** An op's own rule passes the checker's node check at the case's inputs. */
    public static void ruleHolds(OpCase c) {
        ruleHolds(c, GradientCheck.defaults());
    }

    /** An op's own rule passes the given checker's node check at the case's inputs. */
    public static void ruleHolds(OpCase c, GradientCheck check) {
        NodeCheck n = check.checkNode(c.op(), c.inputs());
        if (!n.passed()) {
            throw new AssertionError("the rule of " + c.op().op() + " fails at " + c + "\n" + n.render());
        }
    }

    /**
     * An op's tangent rule is the adjoint of its pullback: {@code ⟨J t, g⟩ = Σₖ ⟨tₖ, (Jᵀ g)ₖ⟩}
     * for tangents {@code t} and an upstream gradient {@code g} drawn from the seed, so forward
     * mode and reverse mode apply one Jacobian.
     *
     * @param c the op and its inputs
     * @param seed where the tangents and the upstream gradient come from
     */
    public static void tangentIsTheAdjointOfThePullback(OpCase c, long seed) {
        java.util.Random random = new java.util.Random(seed);
        NodeRule rule = NodeRule.of(c.op());
        List<RealMatrix> tangents = new java.util.ArrayList<>();
        for (RealMatrix in : c.inputs()) {
            tangents.add(randomLike(random, in.getRowDimension(), in.getColumnDimension()));
        }
        RealMatrix g = randomLike(random, c.op().shape().rows(), c.op().shape().cols());
        RealMatrix jt = rule.tangent(c.inputs(), tangents);
        List<RealMatrix> jg = rule.pullback(c.inputs(), g);
        double forward = 0;
        double scale = 0;
        for (int i = 0; i < g.getRowDimension(); i++) {
            for (int j = 0; j < g.getColumnDimension(); j++) {
                forward += jt.getEntry(i, j) * g.getEntry(i, j);
                scale += Math.abs(jt.getEntry(i, j) * g.getEntry(i, j));
            }
        }
        double reverse = 0;
        for (int k = 0; k < tangents.size(); k++) {
            for (int i = 0; i < tangents.get(k).getRowDimension(); i++) {
                for (int j = 0; j < tangents.get(k).getColumnDimension(); j++) {
                    reverse += tangents.get(k).getEntry(i, j) * jg.get(k).getEntry(i, j);
                    scale += Math.abs(tangents.get(k).getEntry(i, j) * jg.get(k).getEntry(i, j));
                }
            }
        }
        boolean same = Double.compare(forward, reverse) == 0 || Math.abs(forward - reverse) <= 1e-12 + ROUNDING * scale;
        if (!same) {
            throw new AssertionError(String.format(Locale.ROOT, "the tangent of %s gives <J t, g> = %s but its pullback <t, J^T g> = %s, at %s",
                    c.op().op(), forward, reverse, c));
        }
    }

    private static RealMatrix randomLike(java.util.Random random, int rows, int cols) {
        double[][] d = new double[rows][cols];
        for (double[] row : d) {
            for (int j = 0; j < cols; j++) {
                row[j] = random.nextGaussian();
            }
        }
        return new Array2DRowRealMatrix(d, false);
    }

    /** {@return {@code e} with every variable replaced by a constant of its value at {@code point}} */
    public static Expr freeze(Expr e, Bindings point) {
        return Graphs.rebuild(e, leaf -> {
            if (!(leaf instanceof Leaf.Variable v)) {
                return leaf;
            }
            RealMatrix m = point.get(v.name()).get();
            return v.shape().isScalar() ? new Leaf.Constant(m.getEntry(0, 0)) : new Leaf.MatrixConstant(m);
        });
    }

    /** {@return a variable for every binding of the point, of the bound value's shape} */
    public static List<Term> variables(Bindings point) {
        return point.names().stream().map(n -> (Term) new Leaf.Variable(n, point.shapeOf(n).get())).toList();
    }

    private static RealMatrix scalar(double x) {
        return new Array2DRowRealMatrix(new double[][] {{x}});
    }

    private static void assertClose(String what, RealMatrix actual, RealMatrix expected, Object sample) {
        for (int i = 0; i < expected.getRowDimension(); i++) {
            for (int j = 0; j < expected.getColumnDimension(); j++) {
                double a = actual.getEntry(i, j);
                double e = expected.getEntry(i, j);
                boolean same = Double.compare(a, e) == 0
                        || Math.abs(a - e) <= 1e-12 + ROUNDING * Math.max(Math.abs(a), Math.abs(e));
                if (!same) {
                    throw new AssertionError(String.format(Locale.ROOT, "%s[%d,%d] is %s but should be %s, for %s",
                            what, i, j, a, e, sample));
                }
            }
        }
    }
}
