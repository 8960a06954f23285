package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every elementwise op, found from the sealed hierarchy itself, against central differences at
 * points where every op is smooth: an op added later is checked here with no edit.
 */
class CentralDifferenceTest {

    static final double[] POINTS = {0.35, 0.8, 1.2};

    static Stream<Class<?>> elementwiseOps() {
        return Stream.concat(Arrays.stream(Unary.class.getPermittedSubclasses()),
                Arrays.stream(Binary.class.getPermittedSubclasses()));
    }

    /** {@return the op built on variables x (and y), by its shortest public constructor} */
    static Expr build(Class<?> op, Shape shape) throws ReflectiveOperationException {
        Variable x = new Variable("x", shape);
        Variable y = new Variable("y", shape);
        Constructor<?> c = Arrays.stream(op.getConstructors())
                .min((p, q) -> Integer.compare(p.getParameterCount(), q.getParameterCount()))
                .orElseThrow();
        Class<?>[] types = c.getParameterTypes();
        Object[] args = new Object[types.length];
        int exprs = 0;
        for (int i = 0; i < types.length; i++) {
            args[i] = types[i] == Expr.class ? (exprs++ == 0 ? x : y) : types[i] == double.class ? 2.5 : null;
        }
        return (Expr) c.newInstance(args);
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
    void backpropMatchesCentralDifferences(Class<?> op) throws ReflectiveOperationException {
        Expr e = build(op, Shape.SCALAR);
        CompiledFunction f = Backprop.compile(e);
        for (double x : POINTS) {
            for (double y : POINTS) {
                Bindings at = Bindings.of("x", x).and("y", y);
                Gradient g = f.gradient(at);
                for (String name : g.variables()) {
                    double expected = numeric(f, at, name);
                    assertThat(g.scalar(name))
                            .as("d%s/d%s at x=%s y=%s", op.getSimpleName(), name, x, y)
                            .isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(expected))));
                }
            }
        }
    }
}
