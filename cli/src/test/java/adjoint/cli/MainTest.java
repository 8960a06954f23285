package adjoint.cli;

import adjoint.eval.Backprop;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    static final String SEED = "1/(2 + sin(x1*w1)^2 + cos(x2*w2))";
    static final String AT = "x1=1,w1=2,x2=3,w2=4";

    /** What one run printed and returned. */
    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(status, out.toString(), err.toString());
    }

    @Nested
    class Subcommands {
        @Test
        void traceAndGraphWriteConstantsIntoTheirUsersUnlessAskedForThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
                throws Exception {
            Run folded = run("trace", SEED, "--at", AT);
            assertThat(folded.out()).contains("n3 = 2 + n2").doesNotContain("constant: not propagated");
            assertThat(folded.out().lines().filter(l -> l.matches("(n|x|w)[0-9].*")).count())
                    .isEqualTo(12);
            assertThat(run("trace", SEED, "--at", AT, "--constants").out()).contains("(constant: not propagated)");
            java.nio.file.Path dot = dir.resolve("g.dot");
            assertThat(run("graph", SEED, "--at", AT, "--out", dot.toString()).status()).isZero();
            assertThat(java.nio.file.Files.readString(dot)).doesNotContain("\"2\" [label");
            assertThat(run("graph", SEED, "--at", AT, "--out", dot.toString(), "--force", "--constants").status()).isZero();
            assertThat(java.nio.file.Files.readString(dot)).contains("\"2\" [label");
        }

        @Test
        void aColumnGradientPrintsAsAListHoweverItsValueWasWritten() {
            assertThat(run("grad", "sum(x^2)", "--at", "x=[[1],[2]]").out()).isEqualTo("value 5.0\nd/dx [2.0, 4.0]\n");
            assertThat(run("grad", "sum(x^2)", "--at", "x=[1,2]").out()).isEqualTo("value 5.0\nd/dx [2.0, 4.0]\n");
            assertThat(Worksheet.of("sum(x^2)", "x=[[1],[2]]", "", Worksheet.Limits.DEFAULT, false).result().gradient().get(0).value())
                    .isEqualTo("[2, 4]");
        }

        @Test
        void gradPrintsTheValueAndEveryPartial() {
            Run r = run("grad", SEED, "--at", AT);
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("value 0.27242940071159427\nd/dx1 0.1123363997363994").contains("d/dw2 -0.119469749725847");
            assertThat(r.err()).isEmpty();
        }

        @Test
        void gradAsJsonIsOneObjectWithFullPrecision() {
            Run r = run("grad", SEED, "--at", AT, "--json");
            assertThat(r.status()).isZero();
            assertThat(r.out().lines().count()).isEqualTo(1);
            Matcher m = Pattern.compile("\\{\"value\": (\\S+), \"gradient\": \\{\"x1\": (\\S+), \"w1\": (\\S+), \"x2\": (\\S+), \"w2\": (\\S+)}}")
                    .matcher(r.out().strip());
            assertThat(m.matches()).as(r.out()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isEqualTo(0.27242940071159427);
            assertThat(Double.parseDouble(m.group(2))).as("the shortest decimal that reads back exactly")
                    .isEqualTo(Backprop.gradient(adjoint.dsl.Syntax.parse(SEED).expr(), adjoint.eval.Bindings.of("x1", 1).and("w1", 2)
                            .and("x2", 3).and("w2", 4)).scalar("x1"));
        }

        @Test
        void serveRefusesAPortThatIsNotOneAndAPortInUse() throws Exception {
            Run bad = run("serve", "--port", "99999");
            assertThat(bad.status()).isEqualTo(2);
            assertThat(bad.err()).contains("--port 99999 is not a port: give 0 to 65535");
            try (WebServer taken = WebServer.start("127.0.0.1", 0)) {
                Run busy = run("serve", "--port", Integer.toString(taken.port()));
                assertThat(busy.status()).isEqualTo(2);
                assertThat(busy.err()).contains("cannot listen on 127.0.0.1:" + taken.port()).contains("try --port 0");
            }
        }

        @Test
        void checkReportsAndSetsTheExitStatus() {
            Run ok = run("check", SEED, "--at", AT);
            assertThat(ok.status()).isZero();
            assertThat(ok.out()).startsWith("gradient check: PASSED (4 entries");
            Run kink = run("check", "relu(x)", "--at", "x=0");
            assertThat(kink.status()).isZero();
            assertThat(kink.out()).contains("NON_SMOOTH");
        }

        @Test
        void traceInEveryFormat() {
            assertThat(run("trace", SEED, "--at", AT).out()).startsWith("node  computes").contains("n7 = 1/n6");
            assertThat(run("trace", SEED, "--at", AT, "--format", "markdown").out()).startsWith("| node | computes |");
            assertThat(run("trace", SEED, "--at", AT, "--format", "latex").out()).startsWith("\\begin{tabular}");
        }

        @Test
        void graphWritesTheFile(@TempDir Path dir) throws Exception {
            Path out = dir.resolve("seed.dot");
            Run r = run("graph", SEED, "--at", AT, "--out", out.toString());
            assertThat(r.status()).isZero();
            assertThat(Files.readString(out)).startsWith("digraph adjoint").contains("n7 = 1/n6");
        }

        @Test
        void diffPrintsTheSimplifiedDerivative() {
            assertThat(run("diff", SEED, "--wrt", "x1").out().strip())
                    .isEqualTo("−2·w₁·sin(x₁·w₁)·cos(x₁·w₁)/(2 + sin²(x₁·w₁) + cos(x₂·w₂))²");
            assertThat(run("diff", SEED, "--wrt", "x1", "--format", "latex").out()).startsWith("-\\frac{2 \\cdot w_{1}");
            String text = run("diff", SEED, "--wrt", "x1", "--format", "text").out().strip();
            Run again = run("grad", "--at", AT, "--", text);
            assertThat(again.out()).startsWith("value 0.1123363997363994");
            assertThat(run("diff", "x^3", "--wrt", "y").err()).isEqualTo("adjoint: the expression has no variable y; its variables are x\n");
        }
    }

    @Nested
    class BadInput {
        static void oneLineError(Run r, String message) {
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.out()).isEmpty();
            assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).startsWith("adjoint: ").contains(message).doesNotContain("\tat ");
        }

        @Test
        void aParseError() {
            oneLineError(run("grad", "sin(x*w", "--at", "x=1,w=2"), "expected ')' to close sin( at column 8");
            oneLineError(run("diff", "sinn(x)", "--wrt", "x"), "did you mean 'sin'?");
        }

        @Test
        void anUnboundVariable() {
            oneLineError(run("grad", "x*w", "--at", "x=1"), "unbound variable w");
            oneLineError(run("trace", "x*w", "--at", "x=1"), "unbound variable w");
        }

        @Test
        void aMalformedPoint() {
            oneLineError(run("grad", "x", "--at", "x=1,w"), "malformed --at pair 'w'");
            oneLineError(run("grad", "x", "--at", "x=one"), "malformed --at value for x: expected a number, found 'o' at column 1");
            oneLineError(run("grad", "x", "--at", "x=1,x=2"), "--at gives x twice");
        }

        @Test
        void missingOrUnknownArguments() {
            oneLineError(run("grad"), "Missing required");
            oneLineError(run("grad", "x", "--at", "x=1", "--bogus"), "Unknown option");
            oneLineError(run("diff", "x", "--wrt", "1x"), "is not a variable name");
            oneLineError(run("graph", "x", "--at", "x=1", "--out", "g.jpg"), "give a .dot, .svg, .png or .pdf");
        }
    }

    @Nested
    class Matrices {
        static final String SEED2 = "sum(sigmoid(W @ x)^2)";

        @Test
        void theSecondSeedProblemAsJsonGivesEachGradientInItsVariablesForm() {
            Run r = run("grad", SEED2, "--at", "W=[[1,0,0],[0,1,0],[0,0,1]],x=[1,2,3]", "--json");
            assertThat(r.status()).as(r.err()).isZero();
            assertThat(r.out()).startsWith("{\"value\": 2.2176476050544203, \"gradient\": {\"W\": [[0.28746968091443026, ")
                    .contains("\"x\": [0.28746968091443026, 0.18495608645965972, 0.08606823439185537]}}");
        }

        @Test
        void atMayBeRepeatedAndEverySubcommandTakesMatrices() {
            String[] at = {"--at", "W=[[1,0,0],[0,1,0],[0,0,1]]", "--at", "x=[1,2,3]"};
            assertThat(run(concat(new String[] {"grad", SEED2}, at)).out()).contains("d/dx [0.28746968091443026, ");
            assertThat(run(concat(new String[] {"check", SEED2}, at)).out()).startsWith("gradient check: PASSED (12 entries");
            assertThat(run(concat(new String[] {"trace", SEED2}, at)).status()).isZero();
            assertThat(run("diff", SEED2, "--wrt", "x", "--shape", "W=3x3,x=3x1").out()).isEqualTo("Wᵀ·(2 ⊙ σ(W·x) ⊙ σ(W·x) ⊙ (1 − σ(W·x)))\n");
        }

        @Test
        void aShapeMismatchIsTheLibrarysMessageWithTheColumn() {
            Run r = run("grad", "sum(x @ W)", "--at", "x=[1,2,3],W=[[1,2],[3,4],[5,6]]");
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("adjoint: matmul: 3x1 times 3x2 (the left's 1 columns must equal the right's 3 rows)"
                    + " in matmul(x, W) at column 7\n");
        }

        @Test
        void graphOfAMatrixExpressionAndABadOutSayWhatFailed(@TempDir Path dir) throws Exception {
            assertThat(run("graph", SEED2, "--at", "W=[[1,0],[0,1]],x=[1,2]", "--out", dir.resolve("m.dot").toString()).status()).isZero();
            Path plain = Files.writeString(dir.resolve("plain"), "x");
            Run r = run("graph", "x", "--at", "x=1", "--out", plain.resolve("g.dot").toString());
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("adjoint: cannot write " + plain.resolve("g.dot") + ": " + plain + " is not a folder\n");
        }

        private static String[] concat(String[] a, String[] b) {
            String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }

    @Nested
    class Arguments {
        @Test
        void anExpressionThatStartsWithAMinusWorksInAnyArgumentOrder() {
            for (String[] args : new String[][] {{"grad", "-x^2", "--at", "x=1"}, {"grad", "--", "-x^2", "--at", "x=1"},
                    {"grad", "--at", "x=1", "--", "-x^2"}, {"grad", "--at", "x=1", "-x^2"}}) {
                Run r = run(args);
                assertThat(r.status()).as(String.join(" ", args) + ": " + r.err()).isZero();
                assertThat(r.out()).isEqualTo("value -1.0\nd/dx -2.0\n");
            }
            assertThat(run("grad", "--", "-h", "--at", "h=2").out()).as("-h after -- is the expression, not help").isEqualTo("value -2.0\nd/dh -1.0\n");
            assertThat(run("check", "-x^2", "--at", "x=1").status()).isZero();
            assertThat(run("trace", "--", "-x^2", "--at", "x=1").status()).isZero();
        }

        @Test
        void anUnknownOptionIsOneLine() {
            Run r = run("grad", "x", "--frobnicate", "--at", "x=1");
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err()).isEqualTo("adjoint: Unknown option: '--frobnicate'\n");
        }

        @Test
        void bindingsAreCheckedByNameAndNumber() {
            assertThat(run("grad", "x*y", "--at", "x=1,y=2,z=3").err())
                    .isEqualTo("adjoint: --at binds z, which is not a variable of the expression; its variables are x, y\n");
            assertThat(run("grad", "x", "--at", "pi=1").err())
                    .isEqualTo("adjoint: --at 'pi=1': 'pi' is not a variable name (it is a function or constant of the syntax)\n");
            assertThat(run("grad", "x", "--at", "x=1e400").err()).startsWith("adjoint: malformed --at value for x: the number 1e400 is too large");
            assertThat(run("grad", "x", "--at", "x=0x1p3").status()).isEqualTo(2);
            assertThat(run("grad", "x", "--at", "x=1d").status()).isEqualTo(2);
            assertThat(run("grad", "x", "--at", "x=nan").out()).isEqualTo("value NaN\nd/dx 1.0\n");
            assertThat(run("grad", "θ*2", "--at", "θ=3").out()).isEqualTo("value 6.0\nd/dθ 2.0\n");
            assertThat(run("diff", "θ^2", "--wrt", "θ").out()).isEqualTo("2·θ\n");
        }
    }

    @Nested
    class Edges {
        @Test
        void aMaskedPathPassesZeroNotNaN() {
            for (String at : new String[] {"x=-1", "x=0"}) {
                assertThat(run("grad", "sqrt(relu(x))", "--at", at).out()).as(at).isEqualTo("value 0.0\nd/dx 0.0\n");
            }
            assertThat(run("grad", "relu(x)^0.5", "--at", "x=-1").out()).isEqualTo("value 0.0\nd/dx 0.0\n");
        }

        @Test
        void aDomainErrorUnderAReluStaysNaN() {
            assertThat(run("grad", "relu(log(x))", "--at", "x=-1").out()).isEqualTo("value NaN\nd/dx NaN\n");
        }

        @Test
        void aJumpIsNonSmoothAndACheckOfNothingIsInconclusive() {
            Run sign = run("check", "sign(x)", "--at", "x=0");
            assertThat(sign.status()).isZero();
            assertThat(sign.out()).startsWith("gradient check: PASSED (1 entries, 1 non-smooth");
            Run sqrt = run("check", "sqrt(x)", "--at", "x=0");
            assertThat(sqrt.status()).isEqualTo(1);
            assertThat(sqrt.out()).startsWith("gradient check: INCONCLUSIVE (1 entries, 0 non-smooth, 1 non-finite");
        }

        @Test
        void aPoleIsInconclusiveNotAPass() {
            Run pole = run("check", "1/(x-1)", "--at", "x=1.0000001");
            assertThat(pole.status()).isEqualTo(1);
            assertThat(pole.out()).startsWith("gradient check: INCONCLUSIVE (1 entries, 0 non-smooth, 0 non-finite, 1 near a pole;")
                    .contains("INCONCLUSIVE\n");
        }
    }

    @Test
    void helpListsTheFunctionsOfTheOpTables() {
        StringWriter out = new StringWriter();
        int status = Main.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(status).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Functions of the text syntax: " + String.join(" ", adjoint.dsl.Syntax.functions()) + ".")
                .contains(" atan ").contains(" max ")
                .contains("softmax_cross_entropy(Z, Y) is -(1/n) sum_ij Y_ij log_softmax(Z)_ij: the targets Y may be one-hot, soft or zero rows");
    }
}
