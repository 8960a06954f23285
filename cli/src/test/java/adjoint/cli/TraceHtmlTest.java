package adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.dsl.Syntax;
import adjoint.eval.Bindings;
import adjoint.expr.Shape;
import adjoint.show.Trace;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's HTML of a trace. */
class TraceHtmlTest {

    @Test
    void isAnEscapedTableWithConstantsMarked() {
        adjoint.eval.Tape tape = adjoint.eval.Backprop.tape(Syntax.parse("1/(2 + sin(x1*w1)^2 + cos(x2*w2))", Map.of()).expr(),
                Bindings.of("x1", 1).and("w1", 2).and("x2", 3).and("w2", 4));
        assertThat(TraceHtml.of(Trace.of(tape)).lines().filter(l -> l.startsWith("<tr")).count())
                .as("as drawn by hand: 4 variables and 8 ops, the constants in the rows that use them").isEqualTo(12);
        Trace seed = Trace.of(tape, true);
        String html = TraceHtml.of(seed);
        assertThat(html).startsWith("<table class=\"trace\">").contains("<th>∂f/∂node (upstream)</th>")
                .contains("<tr><td>n2</td><td class=\"computes\" title=\"n2 = n1²\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                        + "<mrow><msub><mi>n</mi><mn>2</mn></msub><mo>=</mo><mrow><msup><msub><mi>n</mi><mn>1</mn></msub><mn>2</mn></msup>"
                        + "</mrow></mrow></math></td><td>0.826822</td>")
                .contains("<tr class=\"constant\"><td>2</td><td class=\"computes\" title=\"2\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\">"
                        + "<mrow><mn>2</mn></mrow></math></td><td>2</td><td>-0.0742178 (constant: not propagated)</td>")
                .as("the quotient is typeset as a fraction")
                .contains("<mo>=</mo><mrow><mfrac><mrow><mn>1</mn></mrow><msub><mi>n</mi><mn>6</mn></msub></mfrac></mrow>");
        assertThat(html.lines().filter(l -> l.startsWith("<tr")).count()).as("15 nodes: 4 variables, 3 constants, 8 ops").isEqualTo(15);
        Trace lt = Trace.of(Syntax.parse("sum(`a<b`)", Map.of("a<b", Shape.of(2, 2))).expr(),
                Bindings.of("a<b", new double[][] {{1, 2}, {3, 4}}));
        assertThat(TraceHtml.of(lt)).contains("a&lt;b").doesNotContain("a<b").contains("<li>a&lt;b value = [[1, 2], [3, 4]]</li>")
                .as("a matrix node's shape follows its formula").contains("</math> <span class=\"shape\">(2x2)</span></td>");
    }
}
