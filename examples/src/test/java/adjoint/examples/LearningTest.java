package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.commons.math3.optim.PointValuePair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningTest {

    @Test
    void levenbergMarquardtRecoversTheParametersWithinTheNoise() {
        CurveFit.Fit fit = CurveFit.fit();
        assertThat(fit.a()).isCloseTo(CurveFit.A, within(4 * fit.sigmas()[0]));
        assertThat(fit.b()).isCloseTo(CurveFit.B, within(4 * fit.sigmas()[1]));
        assertThat(fit.c()).isCloseTo(CurveFit.C, within(4 * fit.sigmas()[2]));
        assertThat(java.util.Arrays.stream(fit.sigmas()).boxed().toList()).allMatch(s -> s > 0 && s < 0.05);
        assertThat(fit.rms()).isCloseTo(CurveFit.NOISE, within(CurveFit.NOISE / 2));
    }

    @Test
    void conjugateGradientFindsRosenbrocksMinimum() {
        PointValuePair min = CurveFit.rosenbrock();
        assertThat(min.getPoint()).containsExactly(new double[] {1, 1}, within(1e-5));
    }

    @Test
    void theNetworkLearnsTheTwoMoonsAndDrawsThem(@TempDir Path dir) throws Exception {
        double[][] data = TwoMoons.moons(new Random(42));
        TwoMoons.Trained t = TwoMoons.train(data, 200, false);
        assertThat(t.accuracy()).isGreaterThanOrEqualTo(0.95);
        assertThat(t.losses().getLast()).isLessThan(t.losses().getFirst() / 10);
        for (Path p : TwoMoons.plot(t, data, dir)) {
            byte[] png = Files.readAllBytes(p);
            assertThat(png).hasSizeGreaterThan(1000).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }
    }

    @Test
    void theLossCurveLabelsRoundEpochsThatDoNotRunTogether() {
        assertThat(TwoMoons.labelStep(200)).isEqualTo(25);
        assertThat(TwoMoons.labelStep(8)).isEqualTo(1);
        assertThat(TwoMoons.labelStep(30)).isEqualTo(5);
        assertThat(TwoMoons.labelStep(1000)).isEqualTo(250);
        java.util.List<String> labels = java.util.stream.IntStream.rangeClosed(0, 20)
                .mapToObj(k -> TwoMoons.epochLabel(10.0 * k, 25)).filter(l -> !l.isEmpty()).toList();
        assertThat(labels).containsExactly("0", "50", "100", "150", "200");
        assertThat(TwoMoons.epochLabel(25.000000001, 25)).isEqualTo("25");
        assertThat(TwoMoons.epochLabel(12.5, 25)).isEmpty();
    }

    @Test
    void theTwoMoonsModelReloadsWithTheSamePredictionsBitForBit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        double[][] data = TwoMoons.moons(new java.util.Random(42));
        TwoMoons.Trained t = TwoMoons.train(data, 5, false);
        java.nio.file.Path file = dir.resolve("two-moons.model");
        t.model().save(file);
        adjoint.wire.SavedModel back = adjoint.wire.SavedModel.load(file);
        var b = back.bindings();
        org.apache.commons.math3.linear.RealMatrix[] params = {b.get("W1").get(), b.get("b1").get(), b.get("W2").get(), b.get("b2").get()};
        org.apache.commons.math3.linear.RealMatrix[] trained = {t.w1(), t.b1(), t.w2(), t.b2()};
        for (int k = 0; k < 4; k++) {
            org.assertj.core.api.Assertions.assertThat(params[k].getData()).as("parameter " + k + ", bit for bit")
                    .isDeepEqualTo(trained[k].getData());
        }
        org.assertj.core.api.Assertions.assertThat(TwoMoons.predict(params, data)).isEqualTo(TwoMoons.predict(trained, data));
        org.assertj.core.api.Assertions.assertThat(back.loss()).isEqualTo(t.model().loss());
        org.assertj.core.api.Assertions.assertThat(back.state().steps()).as("5 epochs of 10 batches").isEqualTo(50);
    }
}
