package adjoint.properties;

import static adjoint.properties.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import adjoint.testkit.CoreOps;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import adjoint.testkit.Laws;
import adjoint.testkit.Points;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** Backprop against finite differences, and the algebraic laws of gradients, on random expressions. */
class GradientProperties {

    static final Map<String, Coverage> LAWS = new TreeMap<>();

    /** {@return the coverage of one law, which it must fill with at least the configured number of examples} */
    static synchronized Coverage law(String name) {
        return LAWS.computeIfAbsent(name, k -> new Coverage());
    }

    @AfterEach
    void enoughExamples(TestInfo test) {
        String name = test.getTestMethod().orElseThrow().getName();
        assertThat(law(name).expressions()).as("expressions checked by %s", name).isGreaterThanOrEqualTo(Theories.EXAMPLES);
    }

    @AfterAll
    static void report() {
        System.out.println("[GradientProperties] seed " + Theories.SEED);
        LAWS.forEach((name, c) -> System.out.println("[GradientProperties] " + name + ": " + c.summary()));
    }

    @Test
    void gradientMatchesFiniteDifferencesOnScalarExpressions() {
        qt().forAll(Expressions.scalar().samples()).checkAssert(s -> {
            law("gradientMatchesFiniteDifferencesOnScalarExpressions").record(s);
            Laws.gradientMatchesFiniteDifferences(s);
        });
    }

    @Test
    void gradientMatchesFiniteDifferencesOnMatrixExpressions() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            law("gradientMatchesFiniteDifferencesOnMatrixExpressions").record(s);
            Laws.gradientMatchesFiniteDifferences(s);
        });
        for (String op : CoreOps.opNames()) {
            assertThat(law("gradientMatchesFiniteDifferencesOnMatrixExpressions").count(op)).as("times %s was generated", op).isPositive();
        }
    }

    @Test
    void gradientOfASumIsTheSumOfGradients() {
        qt().forAll(Expressions.matrix().pairs()).checkAssert(p -> {
            law("gradientOfASumIsTheSumOfGradients").record(p.f());
            Laws.gradientOfASumIsTheSumOfGradients(p);
        });
    }

    @Test
    void scalingByAConstantScalesTheGradient() {
        qt().forAll(Expressions.matrix().samples(), SourceDSL.doubles().between(-10, 10))
                .checkAssert((s, c) -> {
                    law("scalingByAConstantScalesTheGradient").record(s);
                    Laws.scalingByAConstantScalesTheGradient(s, c);
                });
    }

    @Test
    void constantsHaveZeroGradient() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            law("constantsHaveZeroGradient").record(s);
            Laws.constantsHaveZeroGradient(s);
        });
    }

    @Test
    void aSharedSubExpressionAndItsDuplicatedCopyGiveTheSameGradient() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            law("aSharedSubExpressionAndItsDuplicatedCopyGiveTheSameGradient").record(s);
            Laws.sharingDoesNotChangeTheGradient(s);
        });
    }

    @Test
    void aCompiledFunctionReusedAtManyPointsEqualsOneShotEvaluation() {
        qt().forAll(Expressions.matrix().samples().flatMap(s -> Points.like(s.point(), 5).map(p -> io.vavr.Tuple.of(s, p))))
                .checkAssert(t -> {
                    law("aCompiledFunctionReusedAtManyPointsEqualsOneShotEvaluation").record(t._1);
                    Laws.compiledReuseEqualsOneShot(t._1, t._2);
                });
    }
}
