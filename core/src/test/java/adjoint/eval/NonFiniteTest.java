package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Sum;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import org.junit.jupiter.api.Test;

class NonFiniteTest {

    static final Variable X = new Variable("x");
    /** {@code sin(1 + 2 log x)}: log sits at depth 3. */
    static final Expr F = new Unary(UnaryOp.SIN, new Binary(BinaryOp.ADD, new Constant(1), new Binary(BinaryOp.MUL, new Constant(2), new Unary(UnaryOp.LOG, X))));

    @Test
    void offByDefaultNaNFlowsThrough() {
        CompiledFunction f = Backprop.compile(F);
        assertThat(f.detectsNonFinite()).isFalse();
        assertThat(f.gradient(Bindings.of("x", -0.5)).value()).isNaN();
    }

    @Test
    void constantsSetBeforeThePassKeepNaNInfinityAndTheSignOfZeroOnEveryCall() {
        for (double c : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 0.0, Double.MAX_VALUE}) {
            CompiledFunction f = Backprop.compile(new Binary(BinaryOp.MUL, X, new Constant(c)));
            for (int call = 0; call < 2; call++) {
                double[] g = new double[1];
                double v = f.valueAndGradient(new double[] {2.0}, g);
                assertThat(Double.valueOf(v)).isEqualTo(Double.valueOf(2.0 * c));
                // Gradients are sums that start from +0, so a -0 contribution reads as 0: compared as numbers.
                assertThat(Double.compare(g[0], c) == 0 || g[0] == c).isTrue();
            }
        }
    }

    @Test
    void theFirstNodeToProduceNaNIsNamedWithItsPlaceAndInput() {
        CompiledFunction f = Backprop.compile(F).detectingNonFinite();
        NonFiniteException e = catchThrowableOfType(NonFiniteException.class, () -> f.gradient(Bindings.of("x", -0.5)));
        assertThat(e).hasMessage("log at depth 3 (sin[0] > add[1] > mul[1] > log) received -0.5 and produced NaN");
        assertThat(e.phase()).isEqualTo(NonFiniteException.Phase.FORWARD);
        assertThat(e.op()).isEqualTo("log");
        assertThat(e.depth()).isEqualTo(3);
        assertThat(e.inputs().get(0).getEntry(0, 0)).isEqualTo(-0.5);
        assertThatThrownBy(() -> f.value(Bindings.of("x", -0.5))).isInstanceOf(NonFiniteException.class);
    }

    @Test
    void aNaNBindingIsReportedAsSuch() {
        CompiledFunction f = Backprop.compile(F).detectingNonFinite();
        assertThatThrownBy(() -> f.gradient(Bindings.of("x", Double.NaN)))
                .isInstanceOf(NonFiniteException.class)
                .hasMessage("variable x at depth 4 (sin[0] > add[1] > mul[1] > log[0] > x) is bound to NaN");
    }

    @Test
    void aGradientThatGoesInfiniteIsTracedToThePullbackThatMadeIt() {
        Expr g = new Binary(BinaryOp.MUL, new Constant(3), new Unary(UnaryOp.SQRT, X));
        CompiledFunction f = Backprop.compile(g).detectingNonFinite();
        NonFiniteException e = catchThrowableOfType(NonFiniteException.class, () -> f.gradient(Bindings.of("x", 0)));
        assertThat(e).hasMessage("the gradient went non-finite at sqrt at depth 1 (mul[1] > sqrt): it received 0"
                + " and upstream gradient 3, and passed Infinity down to x");
        assertThat(e.phase()).isEqualTo(NonFiniteException.Phase.BACKWARD);
    }

    @Test
    void matrixEntriesAreWatchedToo() {
        Variable a = new Variable("A", Shape.of(2, 2));
        Expr g = new Sum(new Unary(UnaryOp.LOG, a));
        CompiledFunction f = Backprop.compile(g).detectingNonFinite();
        assertThatThrownBy(() -> f.gradient(Bindings.of("A", new double[][] {{1, 2}, {-3, 4}})))
                .isInstanceOf(NonFiniteException.class)
                .hasMessage("log at depth 1 (sum[0] > log) received [[1, 2], [-3, 4]] and produced [[0, 0.6931471805599453],"
                        + " [NaN, 1.3862943611198906]]");
    }

    @Test
    void finiteResultsAreTheSameWithDetectionOn() {
        CompiledFunction plain = Backprop.compile(F);
        CompiledFunction watched = plain.detectingNonFinite();
        for (double x : new double[] {0.1, 1, 7.5}) {
            Gradient a = plain.gradient(Bindings.of("x", x));
            Gradient b = watched.gradient(Bindings.of("x", x));
            assertThat(b.value()).isEqualTo(a.value());
            assertThat(b.scalar("x")).isEqualTo(a.scalar("x"));
        }
    }
}
