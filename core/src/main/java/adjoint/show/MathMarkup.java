package adjoint.show;

import adjoint.expr.Expr;
import adjoint.expr.Notation;
import adjoint.expr.Printer.Slot;
import adjoint.expr.Printer.Template;
import adjoint.expr.Structure;
import java.util.ArrayList;
import java.util.List;

/**
 * Presentation MathML for {@link Formula}: an op's Unicode notation turned into tokens
 * ({@code <mi>} for names, {@code <mn>} for numbers, {@code <mo>} for operators), superscripts
 * raised with {@code <msup>}, names subscripted with {@code <msub>}, and the layouts Unicode
 * can only hint at: fractions, roots and powers. Every node is one {@code <mrow>}.
 */
final class MathMarkup {

    /** The MathML namespace. */
    static final String NAMESPACE = "http://www.w3.org/1998/Math/MathML";
    /** The opening parenthesis, with the row it encloses. */
    static final String OPEN = "<mrow><mo>(</mo>";
    /** The closing parenthesis. */
    static final String CLOSE = "<mo>)</mo></mrow>";

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻ᵀ";
    private static final String PLAIN = "0123456789-T";

    private MathMarkup() {}

    /** {@return {@code body} as a whole {@code <math>} element} */
    static String math(String body) {
        return "<math xmlns=\"" + NAMESPACE + "\">" + body + "</math>";
    }

    /** {@return text that cannot be laid out, as one {@code <mtext>} in a {@code <math>} element} */
    static String text(String text) {
        return math("<mtext>" + escape(text) + "</mtext>");
    }

    /** {@return the template of {@code node} in a Unicode notation, its text turned into tokens, as one row} */
    static Template fromUnicode(Expr node, Notation n, int context) {
        return row(Template.of(node, n, context));
    }

    /**
     * {@return a template's text turned into tokens, as one row}: a superscript after an
     * operand raises it, as {@code xᵀ} becomes {@code <msup>x T</msup>}
     */
    static Template row(Template t) {
        List<Object> items = new ArrayList<>(t.items().size() + 4);
        items.add("<mrow>");
        for (int i = 0; i < t.items().size(); i++) {
            Object item = t.items().get(i);
            Object next = i + 1 < t.items().size() ? t.items().get(i + 1) : null;
            if (item instanceof Slot s && next instanceof String text && !text.isEmpty() && SUPERSCRIPTS.indexOf(text.charAt(0)) >= 0) {
                int end = 0;
                while (end < text.length() && SUPERSCRIPTS.indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                items.add("<msup><mrow>");
                items.add(s);
                items.add("</mrow><mrow>" + tokens(lowered(text.substring(0, end))) + "</mrow></msup>");
                items.add(tokens(text.substring(end)));
                i++;
            } else {
                items.add(item instanceof String text ? tokens(text) : item);
            }
        }
        items.add("</mrow>");
        return new Template(t.precedence(), items);
    }

    /** {@return a template whose pieces are already MathML, as one row} */
    static Template layout(int precedence, Object... items) {
        List<Object> all = new ArrayList<>(items.length + 2);
        all.add("<mrow>");
        all.addAll(List.of(items));
        all.add("</mrow>");
        return new Template(precedence, all);
    }

    /**
     * {@return Unicode text as tokens}: runs of letters as one {@code <mi>}, numbers as
     * {@code <mn>}, subscript digits as a subscript of the name before them, every other
     * character but spaces as an {@code <mo>}
     */
    static String tokens(String text) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            int end = i + 1;
            if (Character.isLetter(ch) && SUPERSCRIPTS.indexOf(ch) < 0) {
                while (end < text.length() && Character.isLetter(text.charAt(end)) && SUPERSCRIPTS.indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                int sub = end;
                while (sub < text.length() && text.charAt(sub) >= '₀' && text.charAt(sub) <= '₉') {
                    sub++;
                }
                String name = "<mi>" + escape(text.substring(i, end)) + "</mi>";
                sb.append(sub == end ? name : "<msub>" + name + "<mn>" + unsubscripted(text.substring(end, sub)) + "</mn></msub>");
                end = sub;
            } else if (Character.isDigit(ch) || ch == '.') {
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.'
                        || text.charAt(end) == 'E' && end + 1 < text.length())) {
                    if (text.charAt(end) == 'E' && (text.charAt(end + 1) == '-' || text.charAt(end + 1) == '−')) {
                        end++;
                    }
                    end++;
                }
                sb.append("<mn>").append(escape(text.substring(i, end))).append("</mn>");
            } else if (!Character.isWhitespace(ch)) {
                sb.append("<mo>").append(escape(String.valueOf(ch))).append("</mo>");
            }
            i = end;
        }
        return sb.toString();
    }

    /**
     * {@return a name whose trailing digits become a subscript: {@code x1} as
     * {@code <msub><mi>x</mi><mn>1</mn></msub>}}; a trace's name for a constant, such as
     * {@code 2} or {@code -0.5}, as a number
     */
    static String name(String name) {
        if (!name.isEmpty() && (Character.isDigit(name.charAt(0)) || name.charAt(0) == '-' || name.charAt(0) == '−')) {
            return "<mrow>" + tokens(name.replace('-', '−')) + "</mrow>";
        }
        Formula.Subscript split = Formula.Subscript.of(name);
        if (split.digits().isEmpty()) {
            return "<mi>" + escape(name) + "</mi>";
        }
        return "<msub><mi>" + escape(split.base()) + "</mi><mn>" + split.digits() + "</mn></msub>";
    }

    /** {@return a non-negative number as an {@code <mn>}} */
    static String number(double v) {
        return "<mn>" + escape(Structure.number(v)) + "</mn>";
    }

    /** {@return text made safe in XML} */
    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String lowered(String superscript) {
        StringBuilder sb = new StringBuilder();
        for (char ch : superscript.toCharArray()) {
            char plain = PLAIN.charAt(SUPERSCRIPTS.indexOf(ch));
            sb.append(plain == '-' ? '−' : plain);
        }
        return sb.toString();
    }

    private static String unsubscripted(String subscript) {
        StringBuilder sb = new StringBuilder();
        for (char ch : subscript.toCharArray()) {
            sb.append((char) ('0' + (ch - '₀')));
        }
        return sb.toString();
    }
}
