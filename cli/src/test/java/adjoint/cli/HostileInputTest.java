package adjoint.cli;

import static adjoint.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import adjoint.cli.MainTest.Run;
import adjoint.dsl.Syntax;
import adjoint.eval.Cost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line and the page given input meant to hurt: each answer is one line and a status, never a trace. */
class HostileInputTest {

    @Test
    void workThatCannotFitTheHeapIsRefusedBeforeItStarts() {
        for (String expr : new String[] {"sum(broadcast(x,30000,30000))", "sum(broadcast(x,2147483647,1))"}) {
            Run r = run("grad", expr, "--at", "x=1");
            assertThat(r.status()).as(expr).isEqualTo(2);
            assertThat(r.err()).startsWith("adjoint: this expression needs ").contains("more than half of the JVM's heap")
                    .doesNotContain("\tat ").hasLineCount(1);
        }
        ExpressionAt.requireFits(new Cost(1000, 1000), 1L << 20);
        assertThat(Cost.of(Syntax.parse("sum(broadcast(x, 3, 2))", Map.of())).entries()).isEqualTo(2 * (1 + 6 + 1));
    }

    @Test
    void thePageRefusesWorkOverItsBudgetNamingCostAndBudget() {
        Worksheet w = Worksheet.of("sum(broadcast(x,3000,3000))", "x=1", "", Worksheet.Limits.DEFAULT, false);
        assertThat(w.result()).isNull();
        assertThat(w.error()).startsWith("this problem needs 18,000,004 entries").contains("the page's budget is 4,000,000 entries");
        assertThat(Worksheet.of("sum(broadcast(x,30,30))", "x=1", "", Worksheet.Limits.DEFAULT, false).error()).isNull();
    }

    @Test
    void outNeverMakesFoldersNorReplacesAFileUnasked(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no/such/g.dot");
        Run r = run("graph", "x^2", "--at", "x=1", "--out", missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("the folder " + missing.getParent() + " does not exist");
        assertThat(Files.exists(dir.resolve("no"))).isFalse();
        Path file = dir.resolve("g.dot");
        Files.writeString(file, "mine");
        r = run("graph", "x^2", "--at", "x=1", "--out", file.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("exists; give --force to replace it");
        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(run("graph", "x^2", "--at", "x=1", "--out", file.toString(), "--force").status()).isZero();
        assertThat(Files.readString(file)).startsWith("digraph");
    }

    @Test
    void jsonTellsNaNAndTheInfinitiesApart() {
        assertThat(run("grad", "max(a, b)", "--at", "a=inf,b=inf", "--json").out()).startsWith("{\"value\": \"Infinity\"");
        assertThat(run("grad", "max(a, b)", "--at", "a=-inf,b=-inf", "--json").out()).startsWith("{\"value\": \"-Infinity\"");
        assertThat(run("grad", "a*b", "--at", "a=nan,b=1", "--json").out()).startsWith("{\"value\": \"NaN\"")
                .contains("\"b\": \"NaN\"");
        assertThat(Json.number(1.5)).isEqualTo("1.5");
    }

    @Test
    void controlCharactersInEchoedInputAreEscaped() {
        Run r = run("grad", "x", "--at", "x=1\u0001\u001b[31m");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("\u0001").doesNotContain("\u001b").contains("\\u0001").hasLineCount(1);
        r = run("grad", "x\u001b[2J", "--at", "x=1");
        assertThat(r.err()).doesNotContain("\u001b").contains("\\u001b");
        assertThat(Text.visible("a\tb\u0085c")).isEqualTo("a\\u0009b\\u0085c");
        assertThat(Text.visible("plain θ")).isEqualTo("plain θ");
    }

    @Test
    void diffAsksForAVariableTheExpressionHasAndShapesThatFit() {
        Run r = run("diff", "x^2", "--wrt", "y");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("adjoint: the expression has no variable y; its variables are x\n");
        r = run("diff", "sum(x)", "--wrt", "x", "--shape", "x=99999999999x1");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("adjoint: malformed --shape 'x=99999999999x1': a dimension must be from 1 to 2147483647\n");
    }

    @Test
    void infAndNanAreLiteralsOfTheSyntax() {
        assertThat(run("grad", "x + inf", "--at", "x=1").out()).startsWith("value Infinity");
        assertThat(run("grad", "x * nan", "--at", "x=1").out()).startsWith("value NaN");
        assertThat(run("grad", "-inf + x", "--at", "x=1").out()).startsWith("value -Infinity");
        assertThat(Syntax.print(Syntax.parse("x + inf + nan - inf", Map.of()))).isEqualTo("x + inf + nan - inf");
        assertThat(Syntax.isName("inf")).isFalse();
        assertThat(Syntax.print(Syntax.parse("`inf` * 2", Map.of()))).isEqualTo("`inf`*2");
    }
}
