package adjoint.properties;

import static adjoint.properties.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.testkit.CoreOps;
import adjoint.testkit.Laws;
import adjoint.testkit.OpCases;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Every core op's own rule, checked on its own at random inputs across its whole domain. */
class OpRuleProperties {

    static final Map<String, Integer> CHECKED = new TreeMap<>();

    @AfterAll
    static void report() {
        System.out.println("[OpRuleProperties] seed " + Theories.SEED + ", op rules checked: " + CHECKED);
    }

    @Test
    void everyOpOfTheAlgebraHasAGenerator() {
        assertThat(CoreOps.missing()).as("structural op types with no OpSpec in CoreOps").isEmpty();
        assertThat(CoreOps.opNames()).as("ops with a generator")
                .containsAll(io.vavr.collection.Array.of(UnaryOp.values()).map(UnaryOp::syntax))
                .containsAll(io.vavr.collection.Array.of(BinaryOp.values()).map(BinaryOp::syntax));
    }

    static final Map<String, Integer> TANGENTS = new TreeMap<>();

    @Test
    void everyOpsTangentRuleIsTheAdjointOfItsPullback() {
        qt().withExamples(Theories.EXAMPLES * 3).forAll(OpCases.of(CoreOps.all(), 3), org.quicktheories.generators.SourceDSL.longs().all())
                .checkAssert((c, seed) -> {
                    synchronized (TANGENTS) {
                        TANGENTS.merge(c.op().op(), 1, Integer::sum);
                    }
                    Laws.tangentIsTheAdjointOfThePullback(c, seed);
                });
        System.out.println("[OpRuleProperties] tangent rules checked: " + TANGENTS);
        for (String op : CoreOps.opNames()) {
            assertThat(TANGENTS.getOrDefault(op, 0)).as("tangent checks of %s", op).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void everyOpRulePassesThePerNodeCheckOnItsWholeDomain() {
        qt().withExamples(Theories.EXAMPLES * 3).forAll(OpCases.of(CoreOps.all(), 3)).checkAssert(c -> {
            synchronized (CHECKED) {
                CHECKED.merge(c.op().op(), 1, Integer::sum);
            }
            Laws.ruleHolds(c);
        });
        for (String op : CoreOps.opNames()) {
            assertThat(CHECKED.getOrDefault(op, 0)).as("checks of %s", op).isGreaterThanOrEqualTo(20);
        }
    }
}
