package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GraderTest {

    @Test
    void theLostSquareHidesAtTheSpecialPointAndShowsElsewhere() {
        var cases = Grader.squareLost();
        Comparison special = cases.get(0);
        assertThat(special.value()).isCloseTo(1.0 / 3, within(1e-15));
        assertThat(special.disagreements(Grader.TOLERANCE)).isEmpty();
        assertThat(special.backprop().get("x2").getEntry(0, 0)).isCloseTo(1.0 / 9, within(1e-15));

        Comparison ordinary = cases.get(1);
        assertThat(ordinary.backprop().get("x1").getEntry(0, 0)).isCloseTo(0.0590860, within(5e-8));
        assertThat(ordinary.hand().get("x1").getEntry(0, 0)).isCloseTo(0.1123364, within(5e-8));
        assertThat(ordinary.disagreements(Grader.TOLERANCE)).hasSize(4).first().asString().startsWith("x1 (0.0590860 vs 0.112336");
        for (Comparison random : cases.subList(2, cases.size())) {
            assertThat(random.disagreements(Grader.TOLERANCE)).as(random.title()).isNotEmpty();
        }
        assertThat(Grader.report(ordinary)).contains("verdict: WRONG at x1");
        assertThat(Grader.report(special)).contains("verdict: the derivation agrees here");
    }

    @Test
    void theWrongSigmoidDerivativeIsFoundInEveryEntry() {
        Comparison identity = Grader.sigmoidDerivativeWrong().get(0);
        double[] hand = identity.hand().get("x").getColumn(0);
        double[] truth = identity.backprop().get("x").getColumn(0);
        assertThat(hand).containsExactly(new double[] {0, -3.523188, -11.430890}, within(5e-7));
        assertThat(truth).containsExactly(new double[] {0.287470, 0.184956, 0.086068}, within(5e-7));
        assertThat(identity.disagreements(Grader.TOLERANCE)).hasSize(3);
        assertThat(Grader.sigmoidDerivativeWrong().subList(1, 3)).allMatch(c -> !c.disagreements(Grader.TOLERANCE).isEmpty());
    }
}
