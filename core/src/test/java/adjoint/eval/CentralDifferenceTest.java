package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every elementwise op, read from the op tables, against central differences at
 * points where every op is smooth: an op added later is checked here with no edit.
 */
class CentralDifferenceTest {

    static final double[] POINTS = {0.35, 0.8, 1.2};
    /** Points for the second input, none equal to one of the first's, so that max and min are away from their ties. */
    static final double[] SECOND = {0.45, 0.9, 1.3};

    static Stream<Object> elementwiseOps() {
        return Stream.concat(Arrays.stream(UnaryOp.values()), Arrays.stream(BinaryOp.values()));
    }

    /** {@return the op built on variables x (and y)} */
    static Expr build(Object op, Shape shape) {
        Variable x = new Variable("x", shape);
        Variable y = new Variable("y", shape);
        return op instanceof UnaryOp u ? new Unary(u, x) : new Binary((BinaryOp) op, x, y);
    }

    static double numeric(CompiledFunction f, Bindings at, String name) {
        double x = at.get(name).get().getEntry(0, 0);
        double h = 1e-5 * Math.max(1, Math.abs(x));
        double up = f.value(at.and(name, x + h));
        double down = f.value(at.and(name, x - h));
        return (up - down) / (2 * h);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwiseOps")
    void backpropMatchesCentralDifferences(Object op) {
        Expr e = build(op, Shape.SCALAR);
        CompiledFunction f = Backprop.compile(e);
        for (double x : POINTS) {
            for (double y : SECOND) {
                Bindings at = Bindings.of("x", x).and("y", y);
                Gradient g = f.gradient(at);
                for (String name : g.variables()) {
                    double expected = numeric(f, at, name);
                    assertThat(g.scalar(name))
                            .as("d%s/d%s at x=%s y=%s", op, name, x, y)
                            .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }
}
