package adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The server of {@code adjoint serve} over plain HTTP, and the worksheet behind its page. */
class WebServerTest {

    static WebServer server;

    @BeforeAll
    static void start() throws IOException {
        server = WebServer.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@return the status line and body of a request sent byte for byte as given, as a browser may send it} */
    static String[] request(String method, String target) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream out = s.getOutputStream();
            out.write((method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            return new String[] {response.substring(0, response.indexOf("\r\n")), response.substring(0, split),
                response.substring(split + 4)};
        }
    }

    @Nested
    class Http {

        @Test
        void anAddressWithUnescapedCaretsBracketsAndSpacesIsServed() throws IOException {
            String[] r = request("GET", "/?expr=sum(sigmoid(W%20@%20x)%5E2)%20+%200*sum(x)^2&at=W=[[1,0],[0,1]],x=[1,2]");
            assertThat(r[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(r[1]).contains("Content-Type: text/html; charset=utf-8");
            assertThat(r[2]).contains("<output id=\"value\">").contains("∂f/∂W").doesNotContain("id=\"error\"");
        }

        @Test
        void theFormsPlusIsASpaceAndATypedPlusAPlus() throws IOException {
            assertThat(WebServer.query("form=1&expr=x+%2B+1&at=x%3D2")).isEqualTo(Map.of("form", "1", "expr", "x + 1", "at", "x=2"));
            assertThat(WebServer.query("expr=x%20+%201")).isEqualTo(Map.of("expr", "x + 1"));
            assertThat(WebServer.query("expr=x+y&at=x=1,y=2")).isEqualTo(Map.of("expr", "x+y", "at", "x=1,y=2"));
            assertThat(WebServer.query("expr=a&expr=b&flag")).isEqualTo(Map.of("expr", "a", "flag", ""));
            assertThat(request("GET", "/?expr=x+y&at=x=1,y=2")[2]).contains("<output id=\"value\">3.0</output>");
            assertThat(Page.render(Worksheet.failed("", "", "", null))).contains("<input type=\"hidden\" name=\"form\" value=\"1\">");
        }

        @Test
        void badInputIsShownOnThePageAndTheServerGoesOn() throws IOException {
            assertThat(request("GET", "/?expr=sin(x&at=x=1")[2]).contains("<pre class=\"error\" id=\"error\">")
                    .contains("at column 6");
            assertThat(request("GET", "/?expr=x*y&at=x=1")[2]).contains("unbound variable y");
            assertThat(request("GET", "/?expr=" + "x+".repeat(1500) + "x&at=x=1")[2])
                    .contains("the expression has 3001 characters; the page takes at most 2000");
            assertThat(request("GET", "/?expr=%zz")[2]).contains("malformed %-escape");
            assertThat(request("GET", "/?expr=W&at=W=[[1,2]]")[2]).contains("the expression is 1x2, not a scalar");
            assertThat(request("GET", "/?expr=x&at=x=1")[0]).isEqualTo("HTTP/1.1 200 OK");
        }

        @Test
        void otherPathsAndMethodsAreRefused() throws IOException {
            assertThat(request("GET", "/nothing")[0]).isEqualTo("HTTP/1.1 404 Not Found");
            assertThat(request("POST", "/")[0]).isEqualTo("HTTP/1.1 405 Method Not Allowed");
            String[] head = request("HEAD", "/?expr=x&at=x=1");
            assertThat(head[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(head[2]).isEmpty();
        }

        @Test
        void theGraphDownloadsFullSizeAsAnSvgFile() throws IOException {
            String[] svg = request("GET", "/graph.svg?expr=sin(x)*x&at=x=2");
            assertThat(svg[0]).isEqualTo("HTTP/1.1 200 OK");
            assertThat(svg[1]).contains("Content-Type: image/svg+xml").contains("filename=\"graph.svg\"");
            assertThat(svg[2]).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg").contains("xmlns=\"http://www.w3.org/2000/svg\"")
                    .contains("n0 = sin(x)");
            assertThat(request("GET", "/graph.svg?expr=sin(&at=x=2")[0]).isEqualTo("HTTP/1.1 400 Bad Request");
        }

        @Test
        void theGraphDownloadsAsAPngWhenGraphvizDrawsIt() throws IOException {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.getOutputStream().write("GET /graph.png?expr=sin(x)*x&at=x=2 HTTP/1.1\r\nHost: localhost\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                byte[] response = s.getInputStream().readAllBytes();
                String text = new String(response, StandardCharsets.ISO_8859_1);
                int split = text.indexOf("\r\n\r\n");
                if (!adjoint.show.Graphviz.available()) {
                    assertThat(text).startsWith("HTTP/1.1 404 Not Found").contains("drawn by Graphviz");
                    return;
                }
                assertThat(text).startsWith("HTTP/1.1 200 OK");
                assertThat(text.substring(0, split)).contains("Content-Type: image/png\r\n").contains("filename=\"graph.png\"");
                assertThat(text.substring(split + 4, split + 12)).as("the PNG signature").isEqualTo("\u0089PNG\r\n\u001a\n");
            }
            assertThat(request("GET", "/graph.png?expr=sin(&at=x=2")[0]).isIn("HTTP/1.1 400 Bad Request", "HTTP/1.1 404 Not Found");
            assertThat(request("GET", "/?expr=sin(x)*x&at=x=2")[2].contains("id=\"graph-png\""))
                    .as("the page links the PNG when Graphviz drew the graph").isEqualTo(adjoint.show.Graphviz.available());
        }

        @Test
        void theTraceExportsAsMarkdownAndLatex() throws IOException {
            String[] md = request("GET", "/trace.md?expr=sin(x)*x&at=x=2");
            assertThat(md[1]).contains("Content-Type: text/markdown").contains("filename=\"trace.md\"");
            assertThat(md[2]).startsWith("| node | computes |").contains("| n0 | n0 = sin(x) |");
            String[] tex = request("GET", "/trace.tex?expr=sin(x)*x&at=x=2");
            assertThat(tex[2]).startsWith("\\begin{tabular}").contains("$n_{0} = \\sin\\left(x\\right)$");
            assertThat(request("GET", "/trace.md?expr=sin(x&at=x=2")[0]).isEqualTo("HTTP/1.1 400 Bad Request");
        }

        @Test
        void anEmptyFormOffersTheSeedProblems() throws IOException {
            String page = request("GET", "/")[2];
            assertThat(page).contains("<form method=\"get\" action=\"/\">").contains("class=\"seed\"")
                    .contains("href=\"/?expr=1%2F%282%20%2B%20sin%28x1*w1%29%5E2%20%2B%20cos%28x2*w2%29%29&amp;at=x1%3D1%2Cw1%3D2%2Cx2%3D3%2Cw2%3D4\"")
                    .doesNotContain("id=\"value\"").doesNotContain("http://").doesNotContain("https://");
        }
    }

    @Nested
    class Pages {

        @Test
        void withoutGraphvizTheGraphIsAPlainDrawing() {
            Worksheet w = Worksheet.of("1/(2 + sin(x1*w1)^2 + cos(x2*w2))", "x1=1,w1=2,x2=3,w2=4", "",
                    Worksheet.Limits.DEFAULT, false);
            Worksheet.Result r = w.result();
            assertThat(r.drawing().svg()).startsWith("<svg").contains("class=\"graph plain\"").contains("n7 = 1/n6")
                    .contains("∂n4/∂x2 = 4").doesNotContain("(not propagated)").endsWith("</svg>");
            assertThat(r.drawing().note()).contains("install Graphviz");
            assertThat(r.derivatives()).hasSize(4);
            assertThat(r.derivatives().get(0).unicode()).isEqualTo("−2·w₁·sin(x₁·w₁)·cos(x₁·w₁)/(2 + sin²(x₁·w₁) + cos(x₂·w₂))²");
            assertThat(r.check().render()).startsWith("gradient check: PASSED");
            assertThat(r.value()).isEqualTo(0.27242940071159427);
            assertThat(r.gradient().get(0)).isEqualTo(new Worksheet.Entry("x1", "0.11233639973639944"));
        }

        @Test
        void aLargeGraphIsComputedButNotDrawn() {
            String big = "x" + "*x".repeat(300);
            Worksheet w = Worksheet.of(big, "x=1.001", "", Worksheet.Limits.DEFAULT, false);
            assertThat(w.error()).isNull();
            assertThat(w.result().drawing().svg()).isNull();
            assertThat(w.result().drawing().trace()).isNull();
            assertThat(w.result().drawing().note()).contains("the page draws and traces up to 150");
            assertThat(Worksheet.of(big, "x=1", "", new Worksheet.Limits(2_000, 20_000, 100, 50,
                    java.time.Duration.ofSeconds(1), 4_000_000, 200_000_000), false).error()).contains("nodes; the page takes at most 100");
        }

        @Test
        void theGradingNamesEntriesThatDisagree() {
            Worksheet w = Worksheet.of("sum(sigmoid(W @ x)^2)", "W=[[1,0],[0,1]],x=[1,2]",
                    "x = transpose(W) @ (2*sigmoid(W @ x)*(1 - sigmoid(W @ x))*sigmoid(W @ x))\n"
                            + "W = 2*(W @ x)*(1 - W @ x)*sigmoid(W @ x) @ transpose(x)",
                    Worksheet.Limits.DEFAULT, false);
            assertThat(w.error()).isNull();
            java.util.List<Verdict> grading = w.result().grading();
            assertThat(grading).hasSize(2);
            assertThat(grading.get(0)).isEqualTo(new Verdict(1, "x", Verdict.Kind.RIGHT,
                    "line 1, x: right at the point and at 5 random points"));
            assertThat(grading.get(1).kind()).isEqualTo(Verdict.Kind.WRONG);
            assertThat(grading.get(1).text()).startsWith("line 2, W: wrong at the point: W[0,0] (yours ").contains(", W[1,1] (yours ");
        }

        @Test
        void everyDisagreeingEntryIsNamedUpToFourAndTheRestCounted() {
            Worksheet w = Worksheet.of("sum(W)", "W=[[1,2,3],[4,5,6]]", "W = 2*W", Worksheet.Limits.DEFAULT, false);
            assertThat(w.result().grading()).extracting(Verdict::text).containsExactly("line 1, W: wrong at the point:"
                    + " W[0,0] (yours 2.00000, backprop 1.00000),"
                    + " W[0,1] (yours 4.00000, backprop 1.00000), W[0,2] (yours 6.00000, backprop 1.00000),"
                    + " W[1,0] (yours 8.00000, backprop 1.00000) and 2 more entries; disagrees at 5 of 5 random points");
        }

        @Test
        void aBadLineGetsItsOwnVerdictAndTheRestOfThePageStays() {
            Worksheet w = Worksheet.of("x*y", "x=1,y=2", "z = 1\ny = 1", Worksheet.Limits.DEFAULT, false);
            assertThat(w.error()).isNull();
            assertThat(w.result().value()).isEqualTo(2.0);
            assertThat(w.result().grading()).containsExactly(
                    new Verdict(1, null, Verdict.Kind.ERROR, "line 1: expected name = answer with a variable of the expression (x, y)"),
                    new Verdict(2, "y", Verdict.Kind.RIGHT, "line 2, y: right at the point, to the digits written"),
                    new Verdict(0, "x", Verdict.Kind.MISSING, "x: no answer given"));
            Verdict parse = Worksheet.of("x*y", "x=1,y=2", "\nx = sin(", Worksheet.Limits.DEFAULT, false).result().grading().get(0);
            assertThat(parse.kind()).isEqualTo(Verdict.Kind.ERROR);
            assertThat(parse.text()).startsWith("line 2: expected").contains("at column");
            assertThat(Page.render(w)).contains("<li class=\"error\">line 1: expected name").contains("<output id=\"value\">2.0");
        }

        @Test
        void twoLinesForOneVariableAreAnErrorNamingBoth() {
            assertThat(Worksheet.of("x*y", "x=1,y=2", "x = 2\ny = 1\nx = y", Worksheet.Limits.DEFAULT, false).result().grading())
                    .extracting(Verdict::text).containsExactly("line 1: lines 1 and 3 both answer x: keep one",
                            "line 2, y: right at the point, to the digits written", "line 3: lines 1 and 3 both answer x: keep one");
        }

        @Test
        void numbersAreGradedAtThePointToTheDigitsWritten() {
            String seed = "1/(2 + sin(x1*w1)^2 + cos(x2*w2))";
            String at = "x1=1,w1=2,x2=3,w2=4";
            Worksheet right = Worksheet.of(seed, at, "x1 = 0.112336\nw1 = 0.0561682\nx2 = -0.159293\nw2 = -0.11947",
                    Worksheet.Limits.DEFAULT, false);
            assertThat(right.result().grading()).allMatch(Verdict::right).hasSize(4);
            Verdict lost = Worksheet.of(seed, at, "x1 = -w1*sin(x1*w1)*cos(x1*w1)/(2 + sin(x1*w1) + cos(x2*w2))^2",
                    Worksheet.Limits.DEFAULT, false).result().grading().get(0);
            assertThat(lost.kind()).isEqualTo(Verdict.Kind.WRONG);
            assertThat(Worksheet.of(seed, at, "x1 = 0.1123", Worksheet.Limits.DEFAULT, false).result().grading().get(0).kind())
                    .as("0.1123 is within half a unit of its last digit of 0.11233...").isEqualTo(Verdict.Kind.RIGHT);
            assertThat(Worksheet.of(seed, at, "x1 = 0.1124", Worksheet.Limits.DEFAULT, false).result().grading().get(0).text())
                    .isEqualTo("line 1, x1: wrong at the point: x1 (yours 0.1124, backprop 0.11233639973639944)");
            assertThat(Worksheet.of("sum(W)", "W=[[1,2],[3,4]]", "W = [[1, 1.0], [1.00, 1e0]]", Worksheet.Limits.DEFAULT, false)
                    .result().grading().get(0).kind()).isEqualTo(Verdict.Kind.RIGHT);
            assertThat(Grading.halfUnit("0.112336")).isEqualTo(5e-7, org.assertj.core.api.Assertions.within(1e-20));
            assertThat(Grading.halfUnit("1.2e-3")).isEqualTo(5e-5, org.assertj.core.api.Assertions.within(1e-20));
            assertThat(Grading.halfUnit("120")).isEqualTo(0.5);
        }
    }
}
