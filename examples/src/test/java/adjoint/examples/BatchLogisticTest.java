package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.BatchGradient;
import adjoint.eval.CompiledFunction;
import adjoint.eval.Gradient;
import adjoint.optim.Progress;
import adjoint.optim.Training;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BatchLogisticTest {

    @Test
    void theBatchGradientIsTheSumOfEveryBatchsGradient() {
        BatchLogistic.Data data = BatchLogistic.draw(3000, new Random(1));
        double[] point = {0.1, -0.2, 0.3, -0.4, 0.5, -0.6, 0.7, -0.8, 0.9};
        double[] summed = new double[point.length];
        double value = BatchLogistic.loss(data).valueAndGradient(point, summed);

        CompiledFunction f = BatchLogistic.batchLoss();
        double expected = 0;
        double[] sequential = new double[point.length];
        double[][] w = new double[BatchLogistic.FEATURES][1];
        for (int j = 0; j < BatchLogistic.FEATURES; j++) {
            w[j][0] = point[j];
        }
        for (int start = 0; start < data.rows(); start += BatchLogistic.BATCH) {
            Gradient g = f.gradientByPosition(w, point[BatchLogistic.FEATURES],
                    Arrays.copyOfRange(data.x(), start, start + BatchLogistic.BATCH),
                    Arrays.copyOfRange(data.y(), start, start + BatchLogistic.BATCH));
            expected += g.value();
            double[] flat = g.toArray();
            for (int i = 0; i < sequential.length; i++) {
                sequential[i] += flat[i];
            }
        }
        assertThat(value).isCloseTo(expected, within(1e-12 * expected));
        for (int i = 0; i < sequential.length; i++) {
            assertThat(summed[i]).isCloseTo(sequential[i], within(1e-12 * Math.abs(expected)));
        }
    }

    @Test
    void adamOnTheBatchGradientLearnsAsWellAsTheTrueWeightsPredict() {
        Random r = new Random(2);
        BatchLogistic.Data train = BatchLogistic.draw(20_000, r);
        BatchLogistic.Data test = BatchLogistic.draw(10_000, r);
        Training t = BatchLogistic.train(train, 120, Progress.none());
        double[] truth = Arrays.copyOf(BatchLogistic.TRUE_WEIGHTS, BatchLogistic.FEATURES + 1);
        truth[BatchLogistic.FEATURES] = BatchLogistic.TRUE_BIAS;
        double learnt = BatchLogistic.accuracy(t.point(), test);
        assertThat(learnt).isGreaterThan(0.85).isCloseTo(BatchLogistic.accuracy(truth, test), within(0.01));
        assertThat(t.lastValue()).isLessThan(t.values()[0] / 2);
        assertThat(t.point()[4]).as("the largest true weight, 3").isCloseTo(3, within(0.25));
    }

    @Test
    void theDataSetIsSplitIntoBatchesOfAHundredRows() {
        BatchGradient all = BatchLogistic.loss(BatchLogistic.draw(500, new Random(3)));
        assertThat(all.batches()).isEqualTo(5);
        assertThat(all.parameters()).extracting(v -> v.name()).containsExactly("w", "b");
        assertThat(all.dimension()).isEqualTo(BatchLogistic.FEATURES + 1);
    }
}
