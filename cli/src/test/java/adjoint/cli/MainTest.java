package adjoint.cli;

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
        void gradPrintsTheValueAndEveryPartial() {
            Run r = run("grad", SEED, "--at", AT);
            assertThat(r.status()).isZero();
            assertThat(r.out()).startsWith("value 0.27242940071159427\nd/dx1 0.1123363997363994").contains("d/dw2 -0.119469749725847");
            assertThat(r.err()).isEmpty();
        }

        @Test
        void gradAsJsonIsOneObjectWithFullPrecision() {
            Run r = run("grad", SEED, "--at", AT + ",unused=5", "--json");
            assertThat(r.status()).isZero();
            assertThat(r.out().lines().count()).isEqualTo(1);
            Matcher m = Pattern.compile("\\{\"value\": (\\S+), \"gradient\": \\{\"x1\": (\\S+), \"w1\": (\\S+), \"x2\": (\\S+), \"w2\": (\\S+),"
                    + " \"unused\": (\\S+)}}").matcher(r.out().strip());
            assertThat(m.matches()).as(r.out()).isTrue();
            assertThat(Double.parseDouble(m.group(1))).isEqualTo(0.27242940071159427);
            assertThat(m.group(2).replace("-", "").replace(".", "").replaceFirst("^0+", "")).hasSize(17);
            assertThat(Double.parseDouble(m.group(2))).isCloseTo(0.11233639973639942, org.assertj.core.api.Assertions.within(1e-16));
            assertThat(Double.parseDouble(m.group(6))).isZero();
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
            assertThat(run("diff", "x^3", "--wrt", "y").out().strip()).isEqualTo("0");
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
            oneLineError(run("grad", "x", "--at", "x=one"), "'one' is not a number");
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

    @Test
    void helpListsTheFunctionsOfTheOpTables() {
        StringWriter out = new StringWriter();
        int status = Main.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(status).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("Functions of the text syntax: " + String.join(" ", adjoint.dsl.Syntax.functions()) + ".")
                .contains(" atan ").contains(" max ");
    }
}
