package adjoint.properties;

import static adjoint.properties.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;

import adjoint.dsl.Adjoint;
import adjoint.dsl.Matrix;
import adjoint.dsl.Scalar;
import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.expr.AdjointException;
import adjoint.expr.Leaf;
import adjoint.testkit.Draw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Random sequences of DSL calls on random shapes: each call gives a valid expression or one of
 * the documented exceptions (an {@link AdjointException}, or a {@link NullPointerException}
 * that names what is null), and never anything else; so does evaluating what was built.
 */
class BuilderFuzzProperties {

    static final Map<String, Integer> OUTCOMES = new TreeMap<>();

    static final List<Function<Scalar, Scalar>> SCALAR_FNS = List.of(Adjoint::sin, Adjoint::cos, Adjoint::tan, Adjoint::exp,
            Adjoint::log, Adjoint::sqrt, Adjoint::square, Adjoint::inv, Adjoint::tanh, Adjoint::sigmoid, Adjoint::relu,
            Adjoint::abs, Adjoint::softplus, Adjoint::log1p, Adjoint::neg);
    static final List<Function<Matrix, Matrix>> MATRIX_FNS = List.of(Adjoint::sin, Adjoint::cos, Adjoint::tan, Adjoint::exp,
            Adjoint::log, Adjoint::sqrt, Adjoint::square, Adjoint::inv, Adjoint::tanh, Adjoint::sigmoid, Adjoint::relu,
            Adjoint::abs, Adjoint::softplus, Adjoint::log1p, Adjoint::neg);

    /** A run of DSL calls and what each gave. */
    record Run(List<String> calls, List<Object> built, Throwable undocumented) {
        @Override
        public String toString() {
            return String.join("; ", calls);
        }
    }

    @AfterAll
    static void report() {
        System.out.println("[BuilderFuzzProperties] seed " + Theories.SEED + ", outcomes: " + OUTCOMES);
    }

    static synchronized void count(String outcome) {
        OUTCOMES.merge(outcome, 1, Integer::sum);
    }

    static Gen<Run> runs() {
        Gen<Run> gen = in -> {
            Draw d = new Draw(in, 3);
            List<Object> stack = new ArrayList<>();
            List<String> calls = new ArrayList<>();
            int steps = d.between(1, 25);
            for (int s = 0; s < steps; s++) {
                int op = d.between(0, 11);
                Object a = stack.isEmpty() ? null : stack.get(d.between(0, stack.size() - 1));
                Object b = stack.isEmpty() ? null : stack.get(d.between(0, stack.size() - 1));
                int pick = d.between(0, 14);
                int rows = d.dim();
                int cols = d.dim();
                String call = switch (op) {
                    case 0 -> "scalar s" + (pick % 3);
                    case 1 -> "matrix m" + (pick % 2) + " " + rows + "x" + cols;
                    case 2 -> "constant " + pick;
                    case 3 -> "constant matrix " + rows + "x" + cols;
                    case 4 -> "function " + pick + " of " + a;
                    case 5 -> "binary " + (pick % 5) + " of " + a + ", " + b;
                    case 6 -> "transpose " + a;
                    case 7 -> (pick % 2 == 0 ? "sum " : "trace ") + a;
                    case 8 -> "asScalar " + a;
                    case 9 -> "broadcast " + a + " to " + rows + "x" + cols;
                    case 10 -> "sum of sums of " + a + ", " + b;
                    default -> "null operand to " + a;
                };
                calls.add(call);
                try {
                    Object made = apply(op, a, b, pick, rows, cols);
                    if (made != null) {
                        stack.add(made);
                        count("built");
                    }
                } catch (Throwable t) {
                    if (!documented(t)) {
                        return new Run(calls, stack, t);
                    }
                    count(t.getClass().getSimpleName());
                }
            }
            for (Object o : stack) {
                if (o instanceof Scalar f) {
                    calls.add("gradient of " + f);
                    try {
                        CompiledFunction c = Backprop.compile(f.expr());
                        Bindings at = Bindings.empty();
                        for (Leaf.Variable v : c.parameters()) {
                            double[][] value = new double[v.shape().rows()][v.shape().cols()];
                            for (double[] row : value) {
                                java.util.Arrays.fill(row, d.between(-2.0, 2.0));
                            }
                            at = at.and(v.name(), value);
                        }
                        c.gradient(at);
                        count("differentiated");
                    } catch (Throwable t) {
                        if (!documented(t)) {
                            return new Run(calls, stack, t);
                        }
                        count(t.getClass().getSimpleName());
                    }
                }
            }
            return new Run(calls, stack, null);
        };
        return gen.describedAs(Run::toString);
    }

    static Object apply(int op, Object a, Object b, int pick, int rows, int cols) {
        return switch (op) {
            case 0 -> Adjoint.scalar("s" + (pick % 3));
            case 1 -> Adjoint.matrix("m" + (pick % 2), rows, cols);
            case 2 -> Adjoint.constant(pick - 7);
            case 3 -> Adjoint.constant(new double[rows][cols]);
            case 4 -> a instanceof Scalar s ? SCALAR_FNS.get(pick).apply(s) : a instanceof Matrix m ? MATRIX_FNS.get(pick).apply(m) : null;
            case 5 -> binary(a, b, pick % 5);
            case 6 -> a instanceof Matrix m ? m.transpose() : null;
            case 7 -> a instanceof Matrix m ? (pick % 2 == 0 ? m.sum() : m.trace()) : null;
            case 8 -> a instanceof Matrix m ? m.asScalar() : null;
            case 9 -> a instanceof Scalar s ? s.broadcast(rows, cols) : null;
            case 10 -> a instanceof Matrix x && b instanceof Matrix y ? x.sum().plus(y.sum()) : null;
            default -> a instanceof Scalar s ? s.plus((Scalar) null) : a instanceof Matrix m ? m.times((Matrix) null) : null;
        };
    }

    static Object binary(Object a, Object b, int which) {
        if (a instanceof Scalar x && b instanceof Scalar y) {
            return switch (which) {
                case 0 -> x.plus(y);
                case 1 -> x.minus(y);
                case 2 -> x.times(y);
                case 3 -> x.div(y);
                default -> x.pow(y);
            };
        }
        if (a instanceof Matrix x && b instanceof Matrix y) {
            return switch (which) {
                case 0 -> x.plus(y);
                case 1 -> x.minus(y);
                case 2 -> x.times(y);
                case 3 -> x.hadamard(y);
                default -> x.div(y);
            };
        }
        if (a instanceof Scalar x && b instanceof Matrix y) {
            return which % 2 == 0 ? x.plus(y) : x.times(y);
        }
        if (a instanceof Matrix x && b instanceof Scalar y) {
            return switch (which) {
                case 0 -> x.plus(y);
                case 1 -> x.minus(y);
                case 2 -> x.times(y);
                default -> x.div(y);
            };
        }
        return null;
    }

    /** {@return whether {@code t} is an exception the API documents for bad input} */
    static boolean documented(Throwable t) {
        return t instanceof AdjointException
                || t instanceof NullPointerException npe && npe.getMessage() != null && npe.getMessage().endsWith(" is null");
    }

    @Test
    void randomDslCallsGiveAValidExpressionOrADocumentedException() {
        qt().forAll(runs()).checkAssert(run -> {
            if (run.undocumented() != null) {
                throw new AssertionError("undocumented " + run.undocumented() + " after: " + run, run.undocumented());
            }
        });
        assertThat(OUTCOMES.getOrDefault("built", 0)).isPositive();
        assertThat(OUTCOMES.getOrDefault("differentiated", 0)).isPositive();
        assertThat(OUTCOMES.getOrDefault("ShapeMismatchException", 0)).isPositive();
        assertThat(OUTCOMES.getOrDefault("VariableConflictException", 0)).isPositive();
        assertThat(OUTCOMES.getOrDefault("NullPointerException", 0)).isPositive();
    }
}
