package adjoint.show;

import static adjoint.fixtures.Fixtures.SEED;
import static adjoint.fixtures.Fixtures.SEED_POINT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.Backprop;
import adjoint.eval.Bindings;
import adjoint.eval.Tape;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.MatrixOp;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceTest {

    @Nested
    class Rows {
        @Test
        void rowsFollowBackpropFromTheResultToTheVariables() {
            Trace t = Trace.of(SEED, SEED_POINT);
            assertThat(t.rows().get(0).computes()).isEqualTo("n7 = 1/n6");
            assertThat(t.rows().get(0).upstream().getEntry(0, 0)).isEqualTo(1.0);
            Trace.Row x1 = t.rows().stream().filter(r -> r.name().equals("x1")).findFirst().orElseThrow();
            assertThat(x1.upstream().getEntry(0, 0)).isCloseTo(0.11233639973639942, within(1e-15));
            assertThat(t.rows().stream().map(Trace.Row::index).toList()).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
        }

        @Test
        void localGradientsTimesUpstreamArePassedDown() {
            Trace t = Trace.of(SEED, SEED_POINT);
            for (Trace.Row r : t.rows()) {
                for (int k = 0; k < r.local().size(); k++) {
                    if (r.passes().get(k) != null) {
                        assertThat(r.passes().get(k).getEntry(0, 0))
                                .isCloseTo(r.upstream().getEntry(0, 0) * r.local().get(k).getEntry(0, 0), within(1e-15));
                    }
                }
            }
            Trace.Row sin = t.rows().stream().filter(r -> r.op().equals("sin")).findFirst().orElseThrow();
            assertThat(sin.local().get(0).getEntry(0, 0)).isCloseTo(Math.cos(2), within(1e-15));
        }

        @Test
        void aNodeUsedTwiceSumsWhatItReceives() {
            Variable x = new Variable("x");
            Expr s = new Unary(UnaryOp.SIN, x);
            Trace t = Trace.of(new Binary(BinaryOp.MUL, s, s), Bindings.of("x", 0.5));
            Trace.Row row = t.rows().stream().filter(r -> r.op().equals("sin")).findFirst().orElseThrow();
            assertThat(row.uses()).isEqualTo(2);
            assertThat(row.upstream().getEntry(0, 0)).isCloseTo(2 * Math.sin(0.5), within(1e-15));
            assertThat(t.text()).contains("(sum of 2 uses)");
        }

        @Test
        void matrixNodesShowShapesAndPassVectorJacobianProducts() {
            Variable w = new Variable("W", Shape.of(3, 3));
            Variable x = new Variable("x", Shape.vector(3));
            Expr h = new MatrixOp.Sum(new Unary(UnaryOp.SQUARE, new Unary(UnaryOp.SIGMOID, new MatrixOp.MatMul(w, x))));
            Trace t = Trace.of(h, Bindings.of("W", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}).and("x", new double[] {1, 2, 3}));
            Trace.Row product = t.rows().stream().filter(r -> r.op().equals("matmul")).findFirst().orElseThrow();
            assertThat(product.local()).isEmpty();
            assertThat(product.passes()).hasSize(2);
            String text = t.text();
            assertThat(text).contains("n0 = W·x  (3x1)").contains("(vector-Jacobian product)").contains("[[1], [2], [3]]");
        }

        @Test
        void largeMatricesAreAbbreviated() {
            Variable w = new Variable("W", Shape.of(6, 6));
            Trace t = Trace.of(new MatrixOp.Sum(w), Bindings.of("W", new double[6][6]));
            assertThat(t.text()).contains("[[0, 0, 0, 0, …], [0, 0, 0, 0, …]").contains(", …]");
        }
    }

    @Nested
    class Depth {
        @Test
        void aMillionDeepChainTracesAndDrawsOnTheDefaultStack() throws Throwable {
            String[] out = adjoint.DefaultStack.run(() -> {
                Expr e = new Variable("x");
                for (int i = 0; i < 1_000_000; i++) {
                    e = new Unary(UnaryOp.TANH, e);
                }
                Tape tape = Backprop.tape(e, Bindings.of("x", 0.5));
                Trace t = Trace.of(tape);
                return new String[] {t.text(), Dot.of(t), Formula.latex(e), tape.location(0)};
            });
            assertThat(out[0].lines().count()).isEqualTo(2 + 1_000_001);
            assertThat(out[1]).contains("n999999 -> n1000000");
            assertThat(out[2]).endsWith("…");
            assertThat(out[3]).isEqualTo("tanh[0] > tanh[0] > tanh[0] > … > tanh[0] > tanh[0] > tanh[0] > tanh[0] > x");
        }
    }

    @Nested
    class Formats {
        @Test
        void textIsAligned() {
            String[] lines = Trace.of(SEED, SEED_POINT).text().split("\n");
            assertThat(lines[0]).startsWith("node  computes");
            assertThat(lines[1]).matches("[- ]+");
            int column = lines[0].indexOf("value");
            for (int i = 2; i < lines.length; i++) {
                assertThat(lines[i].codePointAt(column - 2)).as("line %d", i).isEqualTo(' ');
            }
        }

        @Test
        void markdownIsATable() {
            String md = Trace.of(SEED, SEED_POINT).markdown();
            assertThat(md.lines().toList()).hasSize(2 + 13).allMatch(l -> l.startsWith("|") && l.endsWith("|"));
            assertThat(md).contains("| n2 | n2 = n1² | 0.826822 |");
        }

        @Test
        void latexIsATabular() {
            String tex = Trace.of(SEED, SEED_POINT).latex();
            assertThat(tex).startsWith("\\begin{tabular}").endsWith("\\end{tabular}\n")
                    .contains("$n_{5} = \\cos\\left(n_{4}\\right)$").contains("$x_{1}$");
        }
    }

    @Nested
    class Pictures {
        @Test
        void dotShowsEveryNodeAndEdge() {
            Tape tape = Backprop.tape(SEED, SEED_POINT);
            String dot = Dot.of(tape);
            assertThat(dot).startsWith("digraph adjoint {").contains("rankdir=LR");
            for (int i = 0; i < tape.size(); i++) {
                assertThat(dot).contains("  n" + i + " [label=");
                for (int in : tape.inputs(i)) {
                    assertThat(dot).contains("n" + in + " -> n" + i);
                }
            }
            assertThat(dot).contains("value 0.272429").contains("grad 0.112336").contains("peripheries=2");
        }

        @Test
        void sharedNodesSayHowOftenTheyAreUsed() {
            Variable x = new Variable("x");
            Expr s = new Unary(UnaryOp.SIN, x);
            String dot = Dot.of(Backprop.tape(new Binary(BinaryOp.MUL, s, s), Bindings.of("x", 0.5)));
            assertThat(dot).contains("used 2×").contains("#ffe5b4");
        }

        @Test
        void dotTextIsAlwaysWritten(@TempDir Path dir) throws Exception {
            Path out = dir.resolve("g.dot");
            Graphviz.write(Dot.of(Backprop.tape(SEED, SEED_POINT)), out);
            assertThat(Files.readString(out)).startsWith("digraph");
        }

        @Test
        void graphvizRendersSvgAndPngWhenInstalled(@TempDir Path dir) throws Exception {
            Assumptions.assumeTrue(Graphviz.available(), "Graphviz's dot is not installed");
            String dot = Dot.of(Backprop.tape(SEED, SEED_POINT));
            Graphviz.write(dot, dir.resolve("g.svg"));
            Graphviz.write(dot, dir.resolve("g.png"));
            assertThat(Files.readString(dir.resolve("g.svg"))).contains("<svg").contains("n7 = 1/n6");
            byte[] png = Files.readAllBytes(dir.resolve("g.png"));
            assertThat(png).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        }

        @Test
        void aRenderingThatRunsOutOfTimeIsStoppedAndSaysSo(@TempDir Path dir) {
            Assumptions.assumeTrue(Graphviz.available(), "Graphviz's dot is not installed");
            Variable x = new Variable("x");
            Expr e = x;
            for (int i = 0; i < 3000; i++) {
                e = new Unary(i % 2 == 0 ? UnaryOp.SIN : UnaryOp.COS, e);
            }
            String dot = Dot.of(Backprop.tape(e, Bindings.of("x", 0.5)));
            long start = System.nanoTime();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Graphviz.write(dot, dir.resolve("g.svg"), java.time.Duration.ofMillis(200)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("within 0 s and was stopped");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds until the refusal").isLessThan(30);
        }

        @Test
        void aFileThatCannotBeWrittenSaysWhy(@TempDir Path dir) throws Exception {
            Path file = Files.writeString(dir.resolve("plain"), "x");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Graphviz.write("digraph {}", file.resolve("g.dot")))
                    .isInstanceOf(java.io.UncheckedIOException.class)
                    .hasMessage("cannot write " + file.resolve("g.dot") + ": " + file + " exists and is not a directory");
        }

        @Test
        void anUnknownFormatIsRefused(@TempDir Path dir) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Graphviz.write("digraph {}", dir.resolve("g.jpg")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give a .dot, .svg, .png or .pdf");
        }
    }
}
