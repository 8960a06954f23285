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

    @Test
    void theSavedModelReloadsWithTheSamePredictionsAndLossBitForBit(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        BatchLogistic.Data data = BatchLogistic.draw(2000, new Random(5));
        Training t = BatchLogistic.train(data, 15, Progress.none());
        java.nio.file.Path file = dir.resolve("model");
        BatchLogistic.model(t).save(file);
        adjoint.wire.SavedModel back = adjoint.wire.SavedModel.load(file);
        assertThat(BatchLogistic.logits(back.point(), data)).as("the reloaded weights predict the same logits, bit for bit")
                .isEqualTo(BatchLogistic.logits(t.point(), data));
        double[] batch = new double[BatchLogistic.FEATURES + 1 + BatchLogistic.BATCH * (BatchLogistic.FEATURES + 1)];
        System.arraycopy(t.point(), 0, batch, 0, t.point().length);
        for (int i = 0; i < BatchLogistic.BATCH; i++) {
            System.arraycopy(data.x()[i], 0, batch, BatchLogistic.FEATURES + 1 + i * BatchLogistic.FEATURES, BatchLogistic.FEATURES);
            batch[BatchLogistic.FEATURES + 1 + BatchLogistic.BATCH * BatchLogistic.FEATURES + i] = data.y()[i][0];
        }
        assertThat(Double.doubleToLongBits(back.compile().value(batch)))
                .as("the reloaded loss, on the first batch").isEqualTo(Double.doubleToLongBits(BatchLogistic.batchLoss().value(batch)));
        assertThat(back.state()).isEqualTo(t.state());
    }
}
