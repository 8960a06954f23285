package adjoint.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The web page of {@code adjoint serve}: a form (the expression, the point, a hand derivation to
 * grade) that submits by GET, so the state is the URL, and the worked problem below it. Plain
 * HTML and CSS, no script and nothing fetched from elsewhere: it works offline.
 */
final class Page {

    /** The seed problems, one click away: a title, the expression and the point. */
    static final List<String[]> SEEDS = List.of(
            new String[] {"seed 1", "1/(2 + sin(x1*w1)^2 + cos(x2*w2))", "x1=1,w1=2,x2=3,w2=4"},
            new String[] {"seed 2", "sum(sigmoid(W @ x)^2)", "W=[[-1,-2,-3],[2,3,4],[3,4,5]],x=[-1,3,2]"},
            new String[] {"a kink", "relu(x*w - 1)^2 + abs(w)", "x=2,w=0.25"});

    private Page() {}

    /** {@return the page for a worksheet} */
    static String render(Worksheet w) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(w.input().expression().isBlank() ? "adjoint" : escape(w.input().expression()) + " · adjoint")
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<header><h1>adjoint</h1><p>Backpropagation, worked out node by node. Type an expression and a point in the"
                + " command line's syntax; the link is the problem, to share.</p>\n<nav>");
        for (String[] seed : SEEDS) {
            sb.append("<a class=\"seed\" href=\"").append(link("/", seed[1], seed[2], "")).append("\">").append(seed[0])
                    .append("</a> ");
        }
        sb.append("</nav></header>\n");
        form(sb, w);
        if (w.error() != null) {
            sb.append("<pre class=\"error\" id=\"error\">").append(escape(w.error())).append("</pre>\n");
        }
        if (w.result() != null) {
            results(sb, w.input(), w.result());
        }
        return sb.append("</body>\n</html>\n").toString();
    }

    private static void form(StringBuilder sb, Worksheet w) {
        Worksheet.Input in = w.input();
        sb.append("<form method=\"get\" action=\"/\">\n<input type=\"hidden\" name=\"form\" value=\"1\">\n")
                .append("<label><span>expression</span><input id=\"expr\" name=\"expr\" size=\"60\" spellcheck=\"false\" value=\"")
                .append(escape(in.expression())).append("\" placeholder=\"1/(2 + sin(x1*w1)^2 + cos(x2*w2))\"></label>\n")
                .append("<label><span>at (name=value, ...)</span><input id=\"at\" name=\"at\" size=\"60\" spellcheck=\"false\" value=\"").append(escape(in.at()))
                .append("\" placeholder=\"x1=1,w1=2,x2=3,w2=4\"></label>\n")
                .append("<label><span>grade my derivation: one <code>name = answer</code> per line, a number or a formula</span>"
                        + "<textarea id=\"grade\" name=\"grade\" rows=\"4\" cols=\"60\" spellcheck=\"false\" placeholder=\""
                        + "x1 = -w1*sin(2*x1*w1)/(2 + sin(x1*w1)^2 + cos(x2*w2))^2\">")
                .append(escape(in.grade())).append("</textarea></label>\n")
                .append("<button id=\"go\" type=\"submit\">differentiate</button>\n</form>\n");
    }

    private static void results(StringBuilder sb, Worksheet.Input in, Worksheet.Result r) {
        sb.append("<section><h2>value and gradient</h2>\n<p>f = <span class=\"formula\" id=\"formula\" title=\"")
                .append(escape(r.formula())).append("\">").append(r.mathml()).append("</span></p>\n");
        sb.append("<p>value <output id=\"value\">").append(escape(Double.toString(r.value()))).append("</output></p>\n");
        sb.append("<table id=\"gradient\"><tbody>\n");
        for (Worksheet.Entry g : r.gradient()) {
            sb.append("<tr><th>∂f/∂").append(escape(g.variable())).append("</th><td class=\"number\">").append(escape(g.value()))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody></table></section>\n");
        if (!r.grading().isEmpty()) {
            sb.append("<section><h2>your derivation</h2>\n<ul id=\"grading\">\n");
            for (Verdict v : r.grading()) {
                sb.append("<li class=\"").append(v.kind().name().toLowerCase(java.util.Locale.ROOT)).append("\">").append(escape(v.text()))
                        .append("</li>\n");
            }
            sb.append("</ul></section>\n");
        }
        sb.append("<section><h2>symbolic derivatives</h2>\n<table id=\"derivatives\"><tbody>\n");
        for (Worksheet.Derivative d : r.derivatives()) {
            sb.append("<tr><th>∂f/∂").append(escape(d.variable())).append("</th><td class=\"formula\" title=\"")
                    .append(escape(d.unicode())).append("\">").append(d.mathml()).append("</td></tr>\n");
        }
        sb.append("</tbody></table>\n<details><summary>LaTeX</summary><pre id=\"latex\">f = ").append(escape(r.latex()));
        for (Worksheet.Derivative d : r.derivatives()) {
            sb.append("\n\\frac{\\partial f}{\\partial ").append(escape(d.variable())).append("} = ").append(escape(d.latex()));
        }
        sb.append("</pre></details></section>\n");
        Worksheet.Drawing drawing = r.drawing();
        sb.append("<section><h2>the graph</h2>\n<p class=\"note\">").append(escape(drawing.note()));
        if (drawing.svg() != null) {
            sb.append(" · <a id=\"graph-svg\" href=\"").append(link("/graph.svg", in.expression(), in.at(), ""))
                    .append("\" download=\"graph.svg\">full size (SVG)</a>");
            if (drawing.byGraphviz()) {
                sb.append(" · <a id=\"graph-png\" href=\"").append(link("/graph.png", in.expression(), in.at(), ""))
                        .append("\" download=\"graph.png\">PNG</a>");
            }
        }
        sb.append("</p>\n");
        if (drawing.svg() != null) {
            sb.append("<div id=\"graph\">").append(drawing.svg()).append("</div>\n");
        }
        sb.append("</section>\n");
        if (drawing.trace() != null) {
            sb.append("<section><h2>node by node</h2>\n<p>export: <a id=\"markdown\" href=\"")
                    .append(link("/trace.md", in.expression(), in.at(), "")).append("\">Markdown</a> · <a id=\"latex-export\" href=\"")
                    .append(link("/trace.tex", in.expression(), in.at(), "")).append("\">LaTeX</a></p>\n<div id=\"trace\">")
                    .append(TraceHtml.of(drawing.trace())).append("</div></section>\n");
        }
        sb.append("<section><h2>gradient check</h2>\n<pre id=\"check\">").append(escape(r.check().render())).append("</pre></section>\n");
    }

    /** {@return a link to {@code path} with the problem in its query} */
    static String link(String path, String expression, String at, String grade) {
        String query = "?expr=" + encode(expression) + "&at=" + encode(at) + (grade.isBlank() ? "" : "&grade=" + encode(grade));
        return escape(path + query);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** {@return text made safe in HTML} */
    static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String STYLE = """
            body { font-family: system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #222; }
            header h1 { margin-bottom: 0.2em; }
            nav a.seed { margin-right: 0.8em; }
            form { display: grid; gap: 0.6em; margin: 1em 0; padding: 1em; background: #f4f6f8; border-radius: 6px; }
            label { display: grid; gap: 0.2em; font-size: 0.9em; }
            input, textarea { font-family: ui-monospace, monospace; font-size: 1em; padding: 0.3em; }
            button { justify-self: start; padding: 0.4em 1.2em; }
            pre.error { background: #fdecea; color: #8a1c12; padding: 0.8em; border-radius: 4px; }
            .formula { font-family: Cambria, 'Times New Roman', serif; font-size: 1.15em; }
            math { font-size: 1.15em; } td.computes math { font-size: 1.05em; } span.shape { color: #666; font-size: 0.85em; }
            table { border-collapse: collapse; }
            th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.8em; text-align: left; vertical-align: top; }
            #gradient th, #derivatives th { white-space: nowrap; }
            td.number, #value { font-family: ui-monospace, monospace; }
            table.trace td { font-family: ui-monospace, monospace; font-size: 0.9em; }
            tr.constant td { color: #666; }
            li.wrong, li.error, li.missing { color: #8a1c12; } li.right { color: #1b5e20; }
            #graph { overflow-x: auto; }
            #graph svg { max-width: 100%; height: auto; }
            p.note { color: #555; font-size: 0.9em; }
            """;
}
