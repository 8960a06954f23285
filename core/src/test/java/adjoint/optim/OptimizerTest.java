package adjoint.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.Backprop;
import adjoint.eval.CompiledFunction;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    /** {@code (x - 3)² + 10 (y + 1)²}, its gradient written by hand. */
    static final Objective BOWL = (p, g) -> {
        g[0] = 2 * (p[0] - 3);
        g[1] = 20 * (p[1] + 1);
        return Math.pow(p[0] - 3, 2) + 10 * Math.pow(p[1] + 1, 2);
    };

    /** Rosenbrock's function, {@code (1 - x)² + 100 (y - x²)²}, compiled. */
    static CompiledFunction rosenbrock() {
        Variable x = new Variable("x");
        Variable y = new Variable("y");
        Expr f = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SQUARE, new Binary(BinaryOp.SUB, new Constant(1), x)),
                new Binary(BinaryOp.MUL, new Constant(100), new Unary(UnaryOp.SQUARE,
                        new Binary(BinaryOp.SUB, y, new Unary(UnaryOp.SQUARE, x)))));
        return Backprop.compile(f, x, y);
    }

    @Nested
    class Steps {

        @Test
        void sgdWithMomentumStepsAsWrittenByHand() {
            Optimizer.Run run = Sgd.of(0.1).withMomentum(0.9).start(1);
            double[] x = {1};
            run.step(x, new double[] {2});
            assertThat(x[0]).isEqualTo(1 - 0.1 * 2);
            run.step(x, new double[] {4});
            assertThat(x[0]).isEqualTo(0.8 - 0.1 * (0.9 * 2 + 4));
            assertThat(run.steps()).isEqualTo(2);
        }

        @Test
        void adamsFirstStepIsTheLearningRateAgainstTheGradientsSign() {
            Optimizer.Run run = Adam.of(0.01).start(3);
            double[] x = {0, 0, 0};
            run.step(x, new double[] {5, -0.001, 0});
            assertThat(x[0]).isCloseTo(-0.01 * 5 / (5 + 1e-8), within(1e-17));
            assertThat(x[1]).isCloseTo(0.01, within(1e-7));
            assertThat(x[2]).isZero();
        }

        @Test
        void adamMatchesTheUpdateWrittenOutForTwoSteps() {
            Adam adam = Adam.of(0.1).withBetas(0.5, 0.75);
            Optimizer.Run run = adam.start(1);
            double[] x = {1};
            run.step(x, new double[] {2});
            run.step(x, new double[] {-1});
            double m1 = 0.5 * 2;
            double v1 = 0.25 * 4;
            double x1 = 1 - 0.1 * (m1 / 0.5) / (Math.sqrt(v1 / 0.25) + 1e-8);
            double m2 = 0.5 * m1 + 0.5 * -1;
            double v2 = 0.75 * v1 + 0.25 * 1;
            double x2 = x1 - 0.1 * (m2 / 0.75) / (Math.sqrt(v2 / (1 - 0.5625)) + 1e-8);
            assertThat(x[0]).isEqualTo(x2);
        }

        @Test
        void aRunChecksItsLengths() {
            assertThatThrownBy(() -> Adam.of(0.1).start(2).step(new double[3], new double[3]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("over 2 entries; got a point of 3");
        }

        @Test
        void settingsAreChecked() {
            assertThatThrownBy(() -> Sgd.of(0)).hasMessageContaining("learning rate is 0.0");
            assertThatThrownBy(() -> Sgd.of(Double.NaN)).hasMessageContaining("learning rate is NaN");
            assertThatThrownBy(() -> Sgd.of(0.1).withMomentum(1)).hasMessageContaining("momentum is 1.0");
            assertThatThrownBy(() -> Adam.of(0.1).withBetas(0.9, 1)).hasMessageContaining("betas are 0.9 and 1.0");
            assertThatThrownBy(() -> new Adam(0.1, 0.9, 0.999, 0)).hasMessageContaining("epsilon is 0.0");
        }
    }

    @Nested
    class Minimize {

        @Test
        void bothOptimizersFindTheBottomOfABowl() {
            for (Optimizer o : List.of(Sgd.of(0.04).withMomentum(0.5), Adam.of(0.1))) {
                Training t = o.minimize(BOWL, new double[] {0, 0}, 2000);
                assertThat(t.point()[0]).as("%s", o).isCloseTo(3, within(1e-6));
                assertThat(t.point()[1]).as("%s", o).isCloseTo(-1, within(1e-6));
                assertThat(t.steps()).isEqualTo(2000);
                assertThat(t.values()[0]).isEqualTo(19);
            }
        }

        @Test
        void adamMinimizesRosenbrocksFunctionCompiled() {
            CompiledFunction f = rosenbrock();
            Training t = Adam.of(0.02).minimize(f::valueAndGradient, new double[] {-1.2, 1}, 5000);
            assertThat(t.point()[0]).isCloseTo(1, within(1e-3));
            assertThat(t.point()[1]).isCloseTo(1, within(2e-3));
            assertThat(t.lastValue()).isLessThan(1e-6).isLessThan(t.values()[0]);
        }

        @Test
        void theStartIsLeftAloneAndNoStepsReturnIt() {
            double[] start = {0, 0};
            Training t = Adam.of(0.1).minimize(BOWL, start, 0);
            assertThat(start).containsExactly(0, 0);
            assertThat(t.point()).containsExactly(0, 0).isNotSameAs(start);
            assertThat(t.lastValue()).isNaN();
            assertThatThrownBy(() -> Adam.of(0.1).minimize(BOWL, start, -1)).hasMessageContaining("steps is -1");
        }

        @Test
        void aDivergingRunStopsAtTheStepThatWentNonFinite() {
            // With step 0.01 the y error is multiplied by 1 - 0.01·20 each step; with step 10, by -199,
            // so 10·(y + 1)² overflows at the first step k with 10·199^(2(k - 1)) = infinity.
            int overflow = 1;
            while (Double.isFinite(10 * Math.pow(199, 2.0 * (overflow - 1)))) {
                overflow++;
            }
            int expected = overflow;
            assertThatThrownBy(() -> Sgd.of(10).minimize(BOWL, new double[] {0, 0}, 1000))
                    .isInstanceOf(DivergedException.class)
                    .hasMessageContaining("the run diverged (try a smaller learning rate)")
                    .satisfies(e -> assertThat(((DivergedException) e).step()).isEqualTo(expected));
            Objective nanGradient = (p, g) -> {
                g[0] = Double.NaN;
                return 1;
            };
            assertThatThrownBy(() -> Adam.of(0.1).minimize(nanGradient, new double[1], 3))
                    .isInstanceOf(DivergedException.class).hasMessageStartingWith("gradient entry 0 is NaN at step 1");
        }

        @Test
        void aLastStepThatLeavesThePointInfiniteIsADivergenceToo() {
            // x² at 3 has gradient 6; a step of 1e308 takes x to 3 - 6e308, -infinity, after which nothing is evaluated.
            CompiledFunction square = Backprop.compile(new Binary(BinaryOp.MUL, new Variable("x"), new Variable("x")));
            assertThatThrownBy(() -> Sgd.of(1e308).minimize(square::valueAndGradient, new double[] {3}, 1))
                    .isInstanceOf(DivergedException.class)
                    .hasMessage("point entry 0 is -Infinity after step 1; the run diverged (try a smaller learning rate)")
                    .satisfies(e -> assertThat(((DivergedException) e).step()).isEqualTo(1));
        }

        @Test
        void aStartPointOfTheWrongLengthIsNamedAsThePointWithTheFunctionsParameters() {
            CompiledFunction square = Backprop.compile(new Binary(BinaryOp.MUL, new Variable("x"), new Variable("x")));
            assertThatThrownBy(() -> Sgd.of(0.1).minimize(square::valueAndGradient, new double[] {3, 4}, 1))
                    .hasMessage("a flat point of this function has 1 entry (x), got 2");
        }
    }

    @Nested
    class Reports {

        @Test
        void progressIsToldOfEveryStepInOrder() {
            List<String> seen = new ArrayList<>();
            Adam.of(0.1).minimize(BOWL, new double[] {0, 0}, 3, (step, steps, value) -> seen.add(step + "/" + steps + " " + value));
            assertThat(seen).hasSize(3).first().isEqualTo("1/3 19.0");
            assertThat(seen.get(2)).startsWith("3/3 ");
        }

        @Test
        void everyPrintsEveryNthStepAndTheLast() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            Sgd.of(0.01).minimize(BOWL, new double[] {0, 0}, 25, Progress.every(10, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
            assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
                    .hasSize(3).allMatch(l -> l.matches("step (10|20|25)/25  value \\d+\\.\\d+"));
        }

        @Test
        void printingWritesTheFirstTheLastAndAtMostOneLineASecond() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            long[] clock = {0};
            Progress p = Progress.printing(new PrintStream(bytes, true, StandardCharsets.UTF_8), () -> clock[0]);
            for (int step = 1; step <= 10; step++) {
                clock[0] = step * 400_000_000L;
                p.step(step, 10, 1.0 / step);
            }
            assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                    "step 1/10  value 1.00000  0.4 s",
                    "step 4/10  value 0.250000  1.6 s",
                    "step 7/10  value 0.142857  2.8 s",
                    "step 10/10  value 0.100000  4.0 s");
        }
    }
}
