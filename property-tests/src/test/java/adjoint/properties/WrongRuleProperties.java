package adjoint.properties;

import adjoint.fixtures.Fixtures.WrongTan;
import adjoint.fixtures.Fixtures.RightTan;
import static adjoint.properties.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.testkit.CoreOps;
import adjoint.expr.Domain;
import adjoint.testkit.Expressions;
import adjoint.testkit.Laws;
import adjoint.testkit.OpSpec;
import adjoint.testkit.Specs;
import io.vavr.collection.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The suites catch a wrong rule: they fail, the checker names the op, and the counterexample shrinks. */
class WrongRuleProperties {


    static final OpSpec WRONG_TAN = Specs.elementwise(WrongTan.class, WrongTan::new, Domain.TAN);

    /** Every core op with the wrong one in the middle, where neither the smallest nor the largest draw picks it. */
    static final io.vavr.collection.Seq<OpSpec> MIDDLE = CoreOps.all().insert(CoreOps.all().size() / 2, WRONG_TAN);

    @Test
    void aWrongRuleIsCaughtLocalizedAndShrunk() {
        AssertionError failure = catchThrowableOfType(AssertionError.class, () ->
                qt().forAll(Expressions.scalar().withOnly(MIDDLE).samples())
                        .checkAssert(Laws::gradientMatchesFiniteDifferences));

        assertThat(failure).as("the suite must fail on a wrong rule").isNotNull();
        String message = failure.getMessage();
        System.out.println("[WrongRuleProperties] what QuickTheories reported:\n" + message);
        assertThat(message).as("localized to the op").contains("the rule for wrongTan is wrong");
        Matcher smallest = Pattern.compile("Smallest found falsifying value\\(s\\) :-\\s*\\[(\\d+) nodes]").matcher(message);
        assertThat(smallest.find()).as("QuickTheories reports its smallest counterexample").isTrue();
        assertThat(Integer.parseInt(smallest.group(1))).as("nodes in the shrunk counterexample").isLessThanOrEqualTo(4);
    }

    @Test
    void theRightRuleOfTheSameShapePasses() {
        qt().forAll(Expressions.scalar().withOnly(List.of(Specs.elementwise(RightTan.class, RightTan::new, Domain.TAN))).samples())
                .checkAssert(Laws::gradientMatchesFiniteDifferences);
    }
}
