package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.linear.MatrixUtils;
import org.junit.jupiter.api.Test;

class SeedProblemsTest {

    static final double H = Math.PI / 2;

    static void assertAgrees(double actual, double expected) {
        assertThat(Comparison.difference(actual, expected)).as("%s against %s", actual, expected).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void firstSeedAtOneTwoThreeFour() {
        Comparison c = SeedProblems.first(1, 2, 3, 4);
        assertAgrees(c.value(), 0.27242940071159427);
        double[] expected = {0.11233639973639942, 0.05616819986819971, -0.15929299963446267, -0.11946974972584701};
        String[] names = {"x1", "w1", "x2", "w2"};
        for (int i = 0; i < 4; i++) {
            assertAgrees(c.backprop().get(names[i]).getEntry(0, 0), expected[i]);
        }
        assertThat(c.largestDifference()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void firstSeedAtHalfPi() {
        Comparison c = SeedProblems.first(H, 1, H, 1);
        assertAgrees(c.value(), 1.0 / 3);
        assertThat(c.backprop().get("x1").getEntry(0, 0)).isCloseTo(-1.36e-17, within(1e-18));
        assertThat(c.backprop().get("w1").getEntry(0, 0)).isCloseTo(-2.14e-17, within(1e-18));
        assertAgrees(c.backprop().get("x2").getEntry(0, 0), 0.1111111111111111);
        assertAgrees(c.backprop().get("w2").getEntry(0, 0), 0.17453292519943295);
        assertThat(c.largestDifference()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void secondSeedAtTheGivenMatrix() {
        Comparison c = SeedProblems.second(new double[][] {{-1, -2, -3}, {2, 3, 4}, {3, 4, 5}}, new double[] {-1, 3, 2});
        assertAgrees(c.value(), 1.9999993772689844);
        double[] gx = c.backprop().get("x").getColumn(0);
        assertAgrees(gx[0], 1.2566670720161546e-06);
        assertAgrees(gx[1], 1.8791188788049077e-06);
        assertAgrees(gx[2], 2.5015706855936606e-06);
        assertThat(c.largestDifference()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void secondSeedAtTheIdentity() {
        Comparison c = SeedProblems.second(MatrixUtils.createRealIdentityMatrix(3).getData(), new double[] {1, 2, 3});
        assertAgrees(c.value(), 2.2176476050544203);
        double[] gx = {0.28746968091443026, 0.18495608645965972, 0.08606823439185537};
        for (int i = 0; i < 3; i++) {
            assertAgrees(c.backprop().get("x").getEntry(i, 0), gx[i]);
            for (int j = 0; j < 3; j++) {
                assertAgrees(c.backprop().get("W").getEntry(i, j), gx[i] * (j + 1));
            }
        }
        assertThat(c.largestDifference()).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void theReportShowsEveryEntryAndTheLargestDifference() {
        String text = SeedProblems.first(1, 2, 3, 4).render();
        assertThat(text).contains("value 0.27242940071159427").contains("x1 ").contains("w2 ")
                .contains("largest difference");
        assertThat(SeedProblems.all()).hasSize(4);
    }
}
