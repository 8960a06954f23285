package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.examples.ops.LogGamma;
import adjoint.examples.ops.RowSoftmax;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.show.Dot;
import adjoint.show.Formula;
import adjoint.show.Trace;
import adjoint.expr.Domain;
import adjoint.testkit.OpCheck;
import adjoint.testkit.OpSpec;
import adjoint.testkit.Specs;
import io.vavr.collection.Array;
import org.junit.jupiter.api.Test;

class CustomOpsTest {

    static final OpSpec LOG_GAMMA = Specs.elementwise(LogGamma.class, LogGamma::new, Domain.POSITIVE);
    static final OpSpec SOFTMAX = Specs.shaped(RowSoftmax.class, out -> true, (out, d) -> Array.of(out),
            (in, out) -> new RowSoftmax(in.get(0)), Domain.MODERATE);

    @Test
    void logGammaPassesTheTestkitCheck() {
        OpCheck.verify(LOG_GAMMA);
    }

    @Test
    void rowSoftmaxPassesTheTestkitCheck() {
        OpCheck.verify(SOFTMAX);
    }

    /** logGamma with the derivative of ln instead of digamma. */
    record WrongLogGamma(Expr a) implements Custom.Elementwise {
        @Override
        public String op() {
            return "wrongLogGamma";
        }

        @Override
        public double apply(double x) {
            return org.apache.commons.math3.special.Gamma.logGamma(x);
        }

        @Override
        public double derivative(double x, double out) {
            return 1 / x;
        }
    }

    @Test
    void theSameCheckCatchesAWrongOne() {
        AssertionError e = catchThrowableOfType(AssertionError.class,
                () -> OpCheck.verify(Specs.elementwise(WrongLogGamma.class, WrongLogGamma::new, Domain.POSITIVE)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("Smallest found falsifying value").contains("the rule of wrongLogGamma fails");
    }

    @Test
    void customOpsShowUnderTheirOwnNames() {
        Leaf.Variable x = new Leaf.Variable("x");
        Leaf.Variable a = new Leaf.Variable("A", Shape.of(2, 2));
        Expr f = new adjoint.expr.Binary(adjoint.expr.BinaryOp.ADD, new LogGamma(x), new Sum(new RowSoftmax(a)));
        Bindings at = Bindings.of("x", 2.5).and("A", new double[][] {{1, 2}, {3, 4}});
        assertThat(Formula.unicode(f)).isEqualTo("logGamma(x) + sum(softmaxRows(A))");
        assertThat(Formula.latex(f)).contains("\\operatorname{logGamma}");
        assertThat(Trace.of(f, at).text()).contains("= logGamma(x)").contains("= softmaxRows(A)");
        assertThat(Dot.of(Backprop.tape(f, at))).contains("logGamma(x)").contains("softmaxRows(A)");
        assertThat(Backprop.gradient(f, at).scalar("x")).isEqualTo(org.apache.commons.math3.special.Gamma.digamma(2.5));
    }

    @Test
    void theCustomRowSoftmaxAgreesWithTheCoreOne() {
        adjoint.dsl.Matrix a = adjoint.dsl.Adjoint.matrix("A", 2, 3);
        adjoint.dsl.Matrix w = adjoint.dsl.Adjoint.constant(new double[][] {{1, -2, 0.5}, {0.25, 3, -1}});
        double[][] at = {{0.3, -1.2, 2}, {5, 4.5, -3}};
        adjoint.eval.Gradient custom = adjoint.dsl.Adjoint.dot(RowSoftmax.softmaxRows(a), w).gradientAt(a, at);
        adjoint.eval.Gradient core = adjoint.dsl.Adjoint.dot(adjoint.dsl.Adjoint.softmaxRows(a), w).gradientAt(a, at);
        assertThat(core.value()).isCloseTo(custom.value(), org.assertj.core.api.Assertions.within(1e-15));
        for (int i = 0; i < 2; i++) {
            assertThat(core.of(a).getRow(i)).containsExactly(custom.of(a).getRow(i), org.assertj.core.api.Assertions.within(1e-15));
        }
    }
}
