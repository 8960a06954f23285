package adjoint.testkit;

import adjoint.eval.NodeRule;
import adjoint.expr.Shape;
import io.vavr.collection.List;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;
import org.quicktheories.QuickTheory;

/**
 * One call to property-check an op of your own, from any JUnit test:
 * <pre>{@code
 * @Test
 * void logGammaIsRight() {
 *     OpCheck.verify(Specs.elementwise(LogGamma.class, LogGamma::new, Domain.POSITIVE));
 * }
 * }</pre>
 * It checks, on random inputs in the op's declared domain (and, for matrix ops, random shapes),
 * that the forward value has the op's declared shape, that the pullback agrees with finite
 * differences of the forward function and that the tangent (forward mode, the op's own or the
 * default built from its pullback) is the pullback's adjoint; then, on random expressions that use the op among the
 * core ones, that backprop agrees with finite differences. A failure is an
 * {@link AssertionError} with QuickTheories' shrunk counterexample and the checker's report,
 * which names the op.
 */
public final class OpCheck {

    /** Cases per check unless told otherwise. */
    public static final int EXAMPLES = 1000;

    private OpCheck() {}

    /** Checks {@code spec}'s op with {@value #EXAMPLES} cases, from the seed {@code -Dadjoint.seed} or a fixed one. */
    public static void verify(OpSpec spec) {
        verify(spec, EXAMPLES, Long.getLong("adjoint.seed", 20_261_121L));
    }

    /** Checks {@code spec}'s op with the given number of cases from the given seed. */
    public static void verify(OpSpec spec, int examples, long seed) {
        Objects.requireNonNull(spec, "spec is null");
        QuickTheory qt = QuickTheory.qt().withFixedSeed(seed).withExamples(examples);
        qt.forAll(OpCases.of(List.of(spec), 3)).checkAssert(c -> {
            RealMatrix value = NodeRule.of(c.op()).value(c.inputs());
            Shape got = Shape.of(value.getRowDimension(), value.getColumnDimension());
            if (!got.equals(c.op().shape())) {
                throw new AssertionError(c.op().op() + " declares shape " + c.op().shape() + " but its value is " + got + " at " + c);
            }
            Laws.ruleHolds(c);
            Laws.tangentIsTheAdjointOfThePullback(c, seed ^ c.hashCode());
        });
        qt.withExamples(Math.max(1, examples / 5)).forAll(Expressions.matrix().withOps(List.of(spec)).samples())
                .checkAssert(Laws::gradientMatchesFiniteDifferences);
    }
}
