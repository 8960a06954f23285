package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.check.FiniteDifference;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.expr.Expr;
import adjoint.expr.Term;
import adjoint.symbolic.Derivatives;
import adjoint.symbolic.Simplify;
import adjoint.symbolic.Symbolic;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import adjoint.testkit.Laws;
import adjoint.testkit.Sample;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Symbolic derivatives and simplification against numeric backprop and finite differences. */
class SymbolicProperties {

    static final Coverage SIMPLIFIED = new Coverage();
    static final Coverage GRADIENTS = new Coverage();
    static final Coverage HESSIANS = new Coverage();

    @AfterAll
    static void report() {
        System.out.println("[SymbolicProperties] seed " + Theories.SEED);
        System.out.println("[SymbolicProperties] simplification keeps the value: " + SIMPLIFIED.summary());
        System.out.println("[SymbolicProperties] symbolic gradient equals backprop: " + GRADIENTS.summary());
        System.out.println("[SymbolicProperties] Hessian laws: " + HESSIANS.summary());
    }

    static void close(String what, double actual, double expected, double relative, Object sample) {
        if (!(Math.abs(actual - expected) <= 1e-9 + relative * Math.max(Math.abs(actual), Math.abs(expected)))) {
            throw new AssertionError(String.format(Locale.ROOT, "%s is %s but should be %s, for %s", what, actual, expected, sample));
        }
    }

    @Test
    void simplificationNeverChangesTheValueBitwise() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            SIMPLIFIED.record(s);
            Expr simple = Simplify.of(s.expression());
            List<Term> vars = Laws.variables(s.point());
            double before = CompiledFunction.of(s.expression(), vars).value(s.point());
            double after = CompiledFunction.of(simple, vars).value(s.point());
            if (Double.compare(before, after) != 0) {
                throw new AssertionError("simplified to " + simple + ", which gives " + after + " instead of " + before + ", for " + s);
            }
            Expr readable = Simplify.readable(s.expression());
            close("the value of the readable form", CompiledFunction.of(readable, vars).value(s.point()), before, 1e-9, s);
        });
    }

    @Test
    void theSymbolicGradientEvaluatesToBackprop() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            GRADIENTS.record(s);
            List<Term> vars = Laws.variables(s.point());
            Gradient numeric = CompiledFunction.of(s.expression(), vars).gradient(s.point());
            var symbolic = Symbolic.gradient(s.expression());
            for (var e : symbolic.entrySet()) {
                RealMatrix value = CompiledFunction.of(e.getValue(), vars).evaluate(s.point());
                RealMatrix expected = numeric.matrix(e.getKey());
                for (int i = 0; i < value.getRowDimension(); i++) {
                    for (int j = 0; j < value.getColumnDimension(); j++) {
                        close("symbolic d/d" + e.getKey() + "[" + i + "," + j + "]", value.getEntry(i, j), expected.getEntry(i, j), 1e-9, s);
                    }
                }
            }
        });
    }

    @Test
    void theHessianIsSymmetricMatchesFiniteDifferencesOfTheGradientAndItsProducts() {
        qt().forAll(Expressions.scalar().withMaxDepth(5).samples().assuming(s -> !s.point().names().isEmpty())).checkAssert(s -> {
            HESSIANS.record(s);
            hessianLaws(s);
        });
    }

    static void hessianLaws(Sample s) {
        List<Term> vars = Laws.variables(s.point());
        RealMatrix h = Derivatives.hessian(s.expression(), vars, s.point());
        int d = h.getRowDimension();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                close("H[" + i + "," + j + "] against H[" + j + "," + i + "]", h.getEntry(i, j), h.getEntry(j, i), 1e-8, s);
            }
        }
        CompiledFunction f = CompiledFunction.of(s.expression(), vars);
        double[] point = new double[d];
        for (int k = 0; k < d; k++) {
            point[k] = s.point().get(s.point().names().get(k)).get().getEntry(0, 0);
        }
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < d; i++) {
                int row = i;
                int column = j;
                FiniteDifference.Estimate e = FiniteDifference.derivative(t -> {
                    double[] p = point.clone();
                    p[column] = t;
                    double[] g = new double[d];
                    f.valueAndGradient(p, g);
                    return g[row];
                }, point[j], FiniteDifference.step(point[j]));
                close("H[" + i + "," + j + "] against finite differences of the gradient", h.getEntry(i, j), e.value(), 1e-5, s);
            }
        }
        double[] v = new double[d];
        for (int k = 0; k < d; k++) {
            v[k] = (k % 2 == 0 ? 1 : -1) * (0.5 + k);
        }
        double[] hv = Derivatives.hessianVectorProduct(s.expression(), vars, s.point(), v).toArray();
        double[] expected = h.operate(v);
        for (int k = 0; k < d; k++) {
            close("(Hv)[" + k + "]", hv[k], expected[k], 1e-8, s);
        }
    }
}
