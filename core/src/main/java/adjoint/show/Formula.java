package adjoint.show;

import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Structure;
import adjoint.expr.Unary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expressions printed as mathematics, in Unicode ({@code 1/(2 + sin²(x₁·w₁) + cos(x₂·w₂))}) or
 * LaTeX ({@code \frac{1}{2 + \sin^{2}\left(x_{1} \cdot w_{1}\right) + ...}}), with only the
 * parentheses precedence needs. Written without recursion, so any depth prints; a shared node
 * is written out at each use, and text longer than the limit is cut with an ellipsis.
 */
public final class Formula {

    /** The default limit on the length of a formula, in characters. */
    public static final int MAX_LENGTH = 10_000;

    /** The notation to print in. */
    public enum Style {
        /** Plain text with Unicode symbols: {@code ·}, {@code ²}, {@code √}, {@code σ}, {@code ᵀ}. */
        UNICODE,
        /** LaTeX math mode. */
        LATEX
    }

    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int POWER = 4;
    private static final int ATOM = 5;
    private static final int TRANSPARENT = Integer.MAX_VALUE;

    private Formula() {}

    /** {@return {@code e} in Unicode notation} */
    public static String unicode(Expr e) {
        return of(e, Style.UNICODE, x -> null, MAX_LENGTH);
    }

    /** {@return {@code e} in LaTeX notation} */
    public static String latex(Expr e) {
        return of(e, Style.LATEX, x -> null, MAX_LENGTH);
    }

    /**
     * {@return {@code e} in the given notation}
     *
     * @param e the expression
     * @param style the notation
     * @param names a name to print instead of a node below the root, or null to print the node
     *     out; the trace uses it to write {@code sin(n3)}
     * @param maxLength the length after which the text is cut
     */
    public static String of(Expr e, Style style, Function<Expr, String> names, int maxLength) {
        Objects.requireNonNull(e, "expression is null");
        Objects.requireNonNull(style, "style is null");
        Objects.requireNonNull(names, "names is null");
        boolean latex = style == Style.LATEX;
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(new Slot(e, 0));
        while (!todo.isEmpty()) {
            if (sb.length() > maxLength) {
                sb.setLength(maxLength);
                return sb.append('…').toString();
            }
            Object item = todo.pop();
            if (item instanceof String s) {
                sb.append(s);
                continue;
            }
            Slot slot = (Slot) item;
            String name = slot.e() == e ? null : names.apply(slot.e());
            if (name != null) {
                sb.append(name);
                continue;
            }
            Function<Expr, String> named = x -> x == e ? null : names.apply(x);
            Template t = latex ? latex(slot.e(), slot.context(), named) : unicode(slot.e(), slot.context(), named);
            boolean parens = t.precedence() < slot.context();
            if (parens) {
                todo.push(latex ? "\\right)" : ")");
            }
            for (int i = t.items().size() - 1; i >= 0; i--) {
                todo.push(t.items().get(i));
            }
            if (parens) {
                sb.append(latex ? "\\left(" : "(");
            }
        }
        return sb.toString();
    }

    /** A sub-expression to print where the surrounding text needs at least precedence {@code context}. */
    private record Slot(Expr e, int context) {}

    /** How a node prints: its precedence and its pieces, text and slots. */
    private record Template(int precedence, List<Object> items) {
        static Template of(int precedence, Object... items) {
            return new Template(precedence, List.of(items));
        }
    }

    private static Template unicode(Expr e, int context, Function<Expr, String> named) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, subscripted(v.name(), false));
            case Leaf.Constant c -> Template.of(c.value() < 0 ? SUM : ATOM, Structure.number(c.value()).replace('-', '−'));
            case Leaf.MatrixConstant m -> Template.of(ATOM, m.toString());
            case Unary.Neg n -> Template.of(SUM, "−", new Slot(n.a(), PRODUCT));
            case Unary.Exp x -> call("exp", x.a());
            case Unary.Log x -> call("log", x.a());
            case Unary.Sqrt x -> Template.of(POWER, "√", new Slot(x.a(), ATOM));
            case Unary.Square x -> power(x.a(), 2, false, named);
            case Unary.Reciprocal x -> Template.of(PRODUCT, "1/", new Slot(x.a(), POWER));
            case Unary.Sin x -> call("sin", x.a());
            case Unary.Cos x -> call("cos", x.a());
            case Unary.Tan x -> call("tan", x.a());
            case Unary.Tanh x -> call("tanh", x.a());
            case Unary.Sigmoid x -> call("σ", x.a());
            case Unary.Relu x -> call("relu", x.a());
            case Unary.Abs x -> Template.of(ATOM, "|", new Slot(x.a(), 0), "|");
            case Unary.Softplus x -> call("softplus", x.a());
            case Unary.Log1p x -> call("log1p", x.a());
            case Unary.Sign x -> call("sign", x.a());
            case Unary.Erf x -> call("erf", x.a());
            case Unary.Power p -> power(p.a(), p.p(), false, named);
            case Binary.Add b -> Template.of(SUM, new Slot(b.a(), SUM), " + ", new Slot(b.b(), SUM));
            case Binary.Sub b -> Template.of(SUM, new Slot(b.a(), SUM), " − ", new Slot(b.b(), PRODUCT));
            case Binary.Mul b -> Template.of(PRODUCT, new Slot(b.a(), PRODUCT), b.shape().isScalar() ? "·" : " ⊙ ",
                    new Slot(b.b(), PRODUCT));
            case Binary.Div b -> Template.of(PRODUCT, new Slot(b.a(), PRODUCT), "/", new Slot(b.b(), POWER));
            case Binary.Pow b -> Template.of(POWER, new Slot(b.a(), ATOM), "^", new Slot(b.b(), ATOM));
            case MatrixOp.MatMul m -> Template.of(PRODUCT, new Slot(m.a(), PRODUCT), "·", new Slot(m.b(), POWER));
            case MatrixOp.Transpose t -> Template.of(POWER, new Slot(t.a(), ATOM), "ᵀ");
            case MatrixOp.Sum s -> call("sum", s.a());
            case MatrixOp.Broadcast b -> Template.of(TRANSPARENT, new Slot(b.a(), context));
            case MatrixOp.Trace t -> call("tr", t.a());
            case MatrixOp.LogSumExpRows l -> call("logSumExpRows", l.a());
            case Custom c -> custom(c, false);
        };
    }

    private static Template latex(Expr e, int context, Function<Expr, String> named) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, subscripted(v.name(), true));
            case Leaf.Constant c -> Template.of(c.value() < 0 ? SUM : ATOM, Structure.number(c.value()));
            case Leaf.MatrixConstant m -> Template.of(ATOM, latexMatrix(m));
            case Unary.Neg n -> Template.of(SUM, "-", new Slot(n.a(), PRODUCT));
            case Unary.Exp x -> latexCall("\\exp", x.a());
            case Unary.Log x -> latexCall("\\log", x.a());
            case Unary.Sqrt x -> Template.of(ATOM, "\\sqrt{", new Slot(x.a(), 0), "}");
            case Unary.Square x -> power(x.a(), 2, true, named);
            case Unary.Reciprocal x -> Template.of(ATOM, "\\frac{1}{", new Slot(x.a(), 0), "}");
            case Unary.Sin x -> latexCall("\\sin", x.a());
            case Unary.Cos x -> latexCall("\\cos", x.a());
            case Unary.Tan x -> latexCall("\\tan", x.a());
            case Unary.Tanh x -> latexCall("\\tanh", x.a());
            case Unary.Sigmoid x -> latexCall("\\sigma", x.a());
            case Unary.Relu x -> latexCall("\\operatorname{relu}", x.a());
            case Unary.Abs x -> Template.of(ATOM, "\\left|", new Slot(x.a(), 0), "\\right|");
            case Unary.Softplus x -> latexCall("\\operatorname{softplus}", x.a());
            case Unary.Log1p x -> latexCall("\\operatorname{log1p}", x.a());
            case Unary.Sign x -> latexCall("\\operatorname{sign}", x.a());
            case Unary.Erf x -> latexCall("\\operatorname{erf}", x.a());
            case Unary.Power p -> power(p.a(), p.p(), true, named);
            case Binary.Add b -> Template.of(SUM, new Slot(b.a(), SUM), " + ", new Slot(b.b(), SUM));
            case Binary.Sub b -> Template.of(SUM, new Slot(b.a(), SUM), " - ", new Slot(b.b(), PRODUCT));
            case Binary.Mul b -> Template.of(PRODUCT, new Slot(b.a(), PRODUCT), b.shape().isScalar() ? " \\cdot " : " \\odot ",
                    new Slot(b.b(), PRODUCT));
            case Binary.Div b -> Template.of(ATOM, "\\frac{", new Slot(b.a(), 0), "}{", new Slot(b.b(), 0), "}");
            case Binary.Pow b -> Template.of(POWER, new Slot(b.a(), ATOM), "^{", new Slot(b.b(), 0), "}");
            case MatrixOp.MatMul m -> Template.of(PRODUCT, new Slot(m.a(), PRODUCT), " ", new Slot(m.b(), POWER));
            case MatrixOp.Transpose t -> Template.of(POWER, new Slot(t.a(), ATOM), "^{\\top}");
            case MatrixOp.Sum s -> latexCall("\\operatorname{sum}", s.a());
            case MatrixOp.Broadcast b -> Template.of(TRANSPARENT, new Slot(b.a(), context));
            case MatrixOp.Trace t -> latexCall("\\operatorname{tr}", t.a());
            case MatrixOp.LogSumExpRows l -> latexCall("\\operatorname{logsumexp}_{\\text{rows}}", l.a());
            case Custom c -> custom(c, true);
        };
    }

    private static Template call(String name, Expr a) {
        return Template.of(ATOM, name + "(", new Slot(a, 0), ")");
    }

    private static Template latexCall(String name, Expr a) {
        return Template.of(ATOM, name + "\\left(", new Slot(a, 0), "\\right)");
    }

    /**
     * {@return {@code a^p}}; a positive whole power of a trigonometric function prints as
     * {@code sin²(x)}, unless the function's node is printed by name
     */
    private static Template power(Expr a, double p, boolean latex, Function<Expr, String> named) {
        String exponent = latex ? "^{" + Structure.number(p) + "}" : superscript(p);
        String fn = switch (a) {
            case Unary.Sin s -> "sin";
            case Unary.Cos c -> "cos";
            case Unary.Tan t -> "tan";
            case Unary.Tanh t -> "tanh";
            default -> null;
        };
        if (fn != null && p > 0 && p == Math.rint(p) && named.apply(a) == null) {
            Expr inner = a.input(0);
            return latex
                    ? Template.of(ATOM, "\\" + fn + exponent + "\\left(", new Slot(inner, 0), "\\right)")
                    : Template.of(ATOM, fn + exponent + "(", new Slot(inner, 0), ")");
        }
        return latex ? Template.of(POWER, new Slot(a, ATOM), exponent) : Template.of(POWER, new Slot(a, ATOM), exponent);
    }

    private static Template custom(Custom c, boolean latex) {
        List<Object> items = new ArrayList<>();
        items.add(latex ? "\\operatorname{" + c.op() + "}\\left(" : c.op() + "(");
        for (int i = 0; i < c.arity(); i++) {
            if (i > 0) {
                items.add(", ");
            }
            items.add(new Slot(c.input(i), 0));
        }
        items.add(latex ? "\\right)" : ")");
        return new Template(ATOM, items);
    }

    /** {@return an exponent as Unicode superscripts: {@code ²}, {@code ⁻¹}; other exponents as {@code ^1.5}} */
    static String superscript(double p) {
        if (p != Math.rint(p) || Math.abs(p) > 99) {
            return "^" + Structure.number(p);
        }
        String digits = Structure.number(p);
        StringBuilder sb = new StringBuilder();
        for (char ch : digits.toCharArray()) {
            sb.append(ch == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
        }
        return sb.toString();
    }

    /** {@return a name whose trailing digits become a subscript: {@code x1} as {@code x₁} or {@code x_{1}}} */
    static String subscripted(String name, boolean latex) {
        int end = name.length();
        int start = end;
        while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
            start--;
        }
        String base = name.substring(0, start);
        String digits = name.substring(start);
        if (base.endsWith("_") && !digits.isEmpty()) {
            base = base.substring(0, base.length() - 1);
        }
        if (base.isEmpty() || digits.isEmpty()) {
            return latex ? latexName(name) : name;
        }
        if (latex) {
            return latexName(base) + "_{" + digits + "}";
        }
        StringBuilder sb = new StringBuilder(base);
        for (char ch : digits.toCharArray()) {
            sb.append("₀₁₂₃₄₅₆₇₈₉".charAt(ch - '0'));
        }
        return sb.toString();
    }

    private static String latexName(String name) {
        String escaped = name.replace("_", "\\_");
        return name.length() == 1 ? escaped : "\\mathit{" + escaped + "}";
    }

    private static String latexMatrix(Leaf.MatrixConstant m) {
        if (m.shape().size() > 16) {
            return "C_{" + m.shape() + "}";
        }
        StringBuilder sb = new StringBuilder("\\begin{bmatrix}");
        for (int i = 0; i < m.shape().rows(); i++) {
            for (int j = 0; j < m.shape().cols(); j++) {
                sb.append(j == 0 ? (i == 0 ? "" : " \\\\ ") : " & ").append(Structure.number(m.entry(i, j)));
            }
        }
        return sb.append("\\end{bmatrix}").toString();
    }
}
