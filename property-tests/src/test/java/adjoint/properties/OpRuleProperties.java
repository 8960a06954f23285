package adjoint.properties;

import static adjoint.properties.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

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
    void everyOpOfTheSealedHierarchyHasAGenerator() {
        assertThat(CoreOps.missing()).as("op types with no OpSpec in CoreOps").isEmpty();
        assertThat(CoreOps.all().map(s -> s.type().getName()).toSet())
                .containsExactlyInAnyOrderElementsOf(CoreOps.opTypes().map(Class::getName));
    }

    @Test
    void everyOpRulePassesThePerNodeCheckOnItsWholeDomain() {
        qt().withExamples(Theories.EXAMPLES * 3).forAll(OpCases.of(CoreOps.all(), 3)).checkAssert(c -> {
            synchronized (CHECKED) {
                CHECKED.merge(c.op().getClass().getSimpleName(), 1, Integer::sum);
            }
            Laws.ruleHolds(c);
        });
        for (Class<?> op : CoreOps.opTypes()) {
            assertThat(CHECKED.getOrDefault(op.getSimpleName(), 0)).as("checks of %s", op.getSimpleName())
                    .isGreaterThanOrEqualTo(20);
        }
    }
}
