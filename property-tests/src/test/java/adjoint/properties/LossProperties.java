package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import adjoint.dsl.Adjoint;
import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.Bindings;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.SourceDSL;

/** The library's losses against their definitions and against finite differences, at random logits and targets. */
class LossProperties {

    static final AtomicInteger ONE_HOT = new AtomicInteger();
    static final AtomicInteger SOFT = new AtomicInteger();
    static final AtomicInteger ZERO = new AtomicInteger();

    @AfterAll
    static void report() {
        System.out.println("[LossProperties] seed " + Theories.SEED + "; cross-entropy target rows: " + ONE_HOT.get() + " one-hot, "
                + SOFT.get() + " soft, " + ZERO.get() + " zero");
    }

    /** {@return {@code n x m} non-negative targets: each row one-hot, soft (summing to 1) or zero, at random} */
    static double[][] targets(Random random, int n, int m) {
        double[][] y = new double[n][m];
        for (double[] row : y) {
            switch (random.nextInt(3)) {
                case 0 -> {
                    row[random.nextInt(m)] = 1;
                    ONE_HOT.incrementAndGet();
                }
                case 1 -> {
                    double total = 0;
                    for (int j = 0; j < m; j++) {
                        row[j] = random.nextDouble();
                        total += row[j];
                    }
                    for (int j = 0; j < m; j++) {
                        row[j] /= total;
                    }
                    SOFT.incrementAndGet();
                }
                default -> ZERO.incrementAndGet();
            }
        }
        return y;
    }

    @Test
    void crossEntropyIsItsDefinitionAndItsGradientMatchesFiniteDifferencesInBothArguments() {
        qt().forAll(SourceDSL.integers().between(1, 4), SourceDSL.integers().between(2, 4), SourceDSL.longs().all())
                .checkAssert((n, m, seed) -> {
                    Random random = new Random(seed);
                    double[][] z = new double[n][m];
                    for (double[] row : z) {
                        for (int j = 0; j < m; j++) {
                            row[j] = 6 * random.nextGaussian();
                        }
                    }
                    double[][] y = targets(random, n, m);
                    Matrix logits = Adjoint.matrix("Z", n, m);
                    Matrix targets = Adjoint.matrix("Y", n, m);
                    Scalar loss = Adjoint.softmaxCrossEntropy(logits, targets);
                    Bindings at = Bindings.of("Z", z).and("Y", y);
                    double expected = 0;
                    for (int i = 0; i < n; i++) {
                        double max = Double.NEGATIVE_INFINITY;
                        for (double v : z[i]) {
                            max = Math.max(max, v);
                        }
                        double sum = 0;
                        for (double v : z[i]) {
                            sum += Math.exp(v - max);
                        }
                        double lse = max + Math.log(sum);
                        for (int j = 0; j < m; j++) {
                            expected -= y[i][j] * (z[i][j] - lse);
                        }
                    }
                    expected /= n;
                    double value = loss.value(at);
                    if (Math.abs(value - expected) > 1e-12 * Math.max(1, Math.abs(expected))) {
                        throw new AssertionError("cross-entropy is " + value + ", its definition " + expected + " at " + at);
                    }
                    CheckReport r = GradientCheck.defaults().check(loss, at);
                    if (!r.passed()) {
                        throw new AssertionError("the cross-entropy's gradient disagrees with finite differences:\n" + r.render());
                    }
                });
    }
}
