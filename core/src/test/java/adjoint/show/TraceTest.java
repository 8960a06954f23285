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
import adjoint.expr.MatMul;
import adjoint.expr.Sum;
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
        void aConstantShowsItsTrueUpstreamMarkedNotPropagated() {
            Trace t = Trace.of(Backprop.tape(SEED, SEED_POINT), true);
            Trace.Row two = t.rows().stream().filter(r -> r.name().equals("2")).findFirst().orElseThrow();
            assertThat(two.propagated()).isFalse();
            assertThat(two.upstream().getEntry(0, 0)).isCloseTo(-0.0742178, within(1e-7))
                    .isEqualTo(t.rows().stream().filter(r -> r.name().equals("n3")).findFirst().orElseThrow()
                            .upstream().getEntry(0, 0));
            assertThat(t.text()).contains("-0.0742178 (constant: not propagated)");
            assertThat(t.rows().stream().filter(Trace.Row::propagated).count()).isEqualTo(12);
        }

        @Test
        void aConstantSubexpressionGetsItsUpstreamThroughItsOwnRule() {
            Variable x = new Variable("x");
            Expr sin2 = new Unary(UnaryOp.SIN, new adjoint.expr.Leaf.Constant(2));
            Trace t = Trace.of(Backprop.tape(new Binary(BinaryOp.MUL, sin2, x), Bindings.of("x", 0.5)), true);
            Trace.Row sin = t.rows().stream().filter(r -> r.op().equals("sin")).findFirst().orElseThrow();
            Trace.Row two = t.rows().stream().filter(r -> r.name().equals("2")).findFirst().orElseThrow();
            assertThat(sin.propagated()).isFalse();
            assertThat(sin.upstream().getEntry(0, 0)).isEqualTo(0.5);
            assertThat(sin.passes()).isEmpty();
            assertThat(two.upstream().getEntry(0, 0)).isCloseTo(0.5 * Math.cos(2), within(1e-16));
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
            Expr h = new Sum(new Unary(UnaryOp.SQUARE, new Unary(UnaryOp.SIGMOID, new MatMul(w, x))));
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
            Trace t = Trace.of(new Sum(w), Bindings.of("W", new double[6][6]));
            String text = t.text();
            assertThat(text).containsPattern("W  \\(6x6\\) +6x6 \\[0, …\\]").contains("matrices in full:")
                    .contains("W value = [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], ");
            assertThat(text.lines().takeWhile(l -> !l.isEmpty()).mapToInt(String::length).max().orElseThrow())
                    .isLessThan(100);
            Variable big = new Variable("B", Shape.of(9, 9));
            assertThat(Trace.of(new Sum(big), Bindings.of("B", new double[9][9])).text())
                    .contains("B value = [[0, 0, 0, 0, …], [0, 0, 0, 0, …], [0, 0, 0, 0, …], [0, 0, 0, 0, …], …]");
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
            assertThat(out[1]).contains("\"n999998\" -> \"n999999\"").contains("\"x\" -> \"n0\"");
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
            assertThat(md.lines().toList()).hasSize(2 + 12).allMatch(l -> l.startsWith("|") && l.endsWith("|"));
            assertThat(md).contains("| n2 | n2 = n1² | 0.826822 |");
            Variable w = new Variable("W", Shape.of(2, 2));
            String matrices = Trace.of(new Sum(w), Bindings.of("W", new double[][] {{1, 2}, {3, 4}})).markdown();
            assertThat(matrices).contains("| W | W  (2x2) | 2x2 [1, …] |").contains("\nmatrices in full:\n- local ∂n0/∂W = [[1, 1], [1, 1]]\n- n0 passes to W = [[1, 1], [1, 1]]\n- W value = [[1, 2], [3, 4]]\n");
        }

        @Test
        void cellsAreThePlainTextOfTheTableForOtherRenderers() {
            Trace t = Trace.of(SEED, SEED_POINT);
            assertThat(t.cells()).hasSize(1 + 12);
            assertThat(t.cells().get(0)).contains("∂f/∂node (upstream)");
            assertThat(t.cells()).anyMatch(row -> row.subList(0, 3).equals(java.util.List.of("n2", "n2 = n1²", "0.826822")));
            assertThat(t.matricesInFull()).isEmpty();
            Variable w = new Variable("W", Shape.of(2, 2));
            assertThat(Trace.of(new Sum(w), Bindings.of("W", new double[][] {{1, 2}, {3, 4}})).matricesInFull())
                    .contains("W value = [[1, 2], [3, 4]]");
        }

        @Test
        void latexIsATabular() {
            String tex = Trace.of(SEED, SEED_POINT).latex();
            assertThat(tex).startsWith("\\begin{tabular}").endsWith("\\end{tabular}\n")
                    .contains("$n_{5} = \\cos\\left(n_{4}\\right)$").contains("$x_{1}$")
                    .contains("$n_{4} = x_{2} \\cdot w_{2}$ & $12$ & $-0.0398232$ & $x_{2}\\colon$ $4$; $w_{2}\\colon$ $3$ & "
                            + "$x_{2}\\colon$ $-0.159293$; $w_{2}\\colon$ $-0.11947$ \\\\");
            for (String line : tex.lines().skip(3).toList()) {
                if (line.contains("&")) {
                    String outsideMath = String.join("", line.split("\\$[^$]*\\$"));
                    assertThat(outsideMath).as(line).doesNotContainPattern("[0-9]");
                }
            }
            Variable w = new Variable("W", Shape.of(2, 2));
            assertThat(Trace.of(new Sum(new Unary(UnaryOp.EXP, w)), Bindings.of("W", new double[][] {{0, -40}, {1, 2}}))
                    .latex()).contains("\\begin{bmatrix} 1 & 4.24835 \\times 10^{-18} \\\\ 2.71828 & 7.38906 \\end{bmatrix}");
        }
    }

    @Nested
    class Pictures {
        @Test
        void dotShowsEveryNodeAndEdge() {
            Tape tape = Backprop.tape(SEED, SEED_POINT);
            String dot = Dot.of(tape);
            assertThat(dot).startsWith("digraph adjoint {").contains("rankdir=LR");
            Trace trace = Trace.of(tape);
            java.util.Map<Integer, String> names = new java.util.HashMap<>();
            trace.rows().forEach(r -> names.put(r.index(), r.name()));
            for (Trace.Row row : trace.rows()) {
                assertThat(dot).contains("  \"" + row.name() + "\" [label=\"" + row.computes());
                for (int in : tape.inputs(row.index())) {
                    if (names.containsKey(in)) {
                        assertThat(dot).contains("\"" + names.get(in) + "\" -> \"" + row.name() + "\"");
                    }
                }
            }
            assertThat(dot).as("the constant 2 is written into n3's label, as drawn by hand").doesNotContain("\"2\" [label")
                    .contains("n3 = 2 + n2");
            assertThat(Dot.of(Trace.of(tape, true))).contains("\"2\" [label=\"2 | value 2 | ∂f/∂2 -0.0742178 (not propagated)\"");
            assertThat(dot).contains("value 0.272429").contains("∂f/∂x1 0.112336").contains("peripheries=2")
                    .contains("\"x2\" -> \"n4\" [label=\"∂n4/∂x2 = 4\"]")
                    .contains("\"n0\" -> \"n1\" [label=\"∂n1/∂n0 = -0.416147\"]")
                    .doesNotContain("grad 0");
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
                    .hasMessage("cannot write " + file.resolve("g.dot") + ": " + file + " is not a folder");
        }

        @Test
        void anUnknownFormatIsRefused(@TempDir Path dir) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Graphviz.write("digraph {}", dir.resolve("g.jpg")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give a .dot, .svg, .png or .pdf");
        }
    }
}
