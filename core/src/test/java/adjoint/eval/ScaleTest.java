package adjoint.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Unary;
import org.junit.jupiter.api.Test;

/**
 * Graphs that are merely large. Surefire runs this class in a JVM of its own with a 2 GiB
 * heap (see core's pom), so passing here means fitting there.
 */
class ScaleTest {

    static final Variable X = new Variable("x");

    @Test
    void tenMillionScalarNodesBuildEvaluateAndDifferentiateInTwoGigabytes() throws Throwable {
        int n = 10_000_000;
        long maxHeap = Runtime.getRuntime().maxMemory();
        assertThat(maxHeap).as("the heap this test runs in").isLessThanOrEqualTo(2L << 30);
        Gradient g = adjoint.DefaultStack.run(() -> {
            Constant k = new Constant(0.999);
            Expr e = X;
            for (int i = 0; i < n; i++) {
                e = switch (i % 3) {
                    case 0 -> new Unary(UnaryOp.SIN, e);
                    case 1 -> new Binary(BinaryOp.MUL, e, k);
                    default -> new Binary(BinaryOp.ADD, e, X);
                };
            }
            return Backprop.gradient(e, Bindings.of("x", 0.5));
        });
        double v = 0.5;
        double d = 1;
        for (int i = 0; i < n; i++) {
            switch (i % 3) {
                case 0 -> {
                    d *= Math.cos(v);
                    v = Math.sin(v);
                }
                case 1 -> {
                    d *= 0.999;
                    v *= 0.999;
                }
                default -> {
                    d += 1;
                    v += 0.5;
                }
            }
        }
        assertThat(g.value()).isEqualTo(v);
        assertThat(g.scalar("x")).isCloseTo(d, within(1e-9 * Math.abs(d)));
        System.out.printf("[ScaleTest] %,d nodes in a %,d MiB heap: value %s, gradient %s%n", n + 2, maxHeap >> 20, g.value(),
                g.scalar("x"));
    }
}
