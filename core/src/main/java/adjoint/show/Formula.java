package adjoint.show;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.MatMul;
import adjoint.expr.Structural;
import adjoint.expr.Notation;
import adjoint.expr.Printer;
import adjoint.expr.Printer.Slot;
import adjoint.expr.Printer.Template;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Expressions printed as mathematics, in Unicode ({@code 1/(2 + sin²(x₁·w₁) + cos(x₂·w₂))}),
 * LaTeX ({@code \frac{1}{2 + \sin^{2}\left(x_{1} \cdot w_{1}\right) + ...}}) or Presentation
 * MathML, with only the parentheses precedence needs, and brackets wherever an elementwise
 * product ({@code ⊙}) and a matrix product ({@code ·}) meet, so the order of the two is never
 * left to the reader. Written without recursion, so any depth prints; a shared node is written
 * out at each use, and text longer than the limit is cut with an ellipsis.
 */
public final class Formula {

    /** The default limit on the length of a formula, in characters. */
    public static final int MAX_LENGTH = 10_000;

    /** The notation to print in. */
    public enum Style {
        /** Plain text with Unicode symbols: {@code ·}, {@code ²}, {@code √}, {@code σ}, {@code ᵀ}. */
        UNICODE,
        /** LaTeX math mode. */
        LATEX,
        /**
         * Presentation MathML, a whole {@code <math>} element that browsers typeset with no
         * script or font of their own; a formula cut at the limit is one {@code <mtext>}
         */
        MATHML
    }

    private static final int SUM = Notation.SUM;
    private static final int PRODUCT = Notation.PRODUCT;
    private static final int POWER = Notation.POWER;
    private static final int ATOM = Notation.ATOM;

    private Formula() {}

    /**
     * {@return {@code e} in Unicode notation}
     *
     * @param e the expression
     */
    public static String unicode(Term e) {
        return of(Objects.requireNonNull(e, "expression is null").expr(), Style.UNICODE, x -> null, MAX_LENGTH);
    }

    /**
     * {@return {@code e} in LaTeX notation}
     *
     * @param e the expression
     */
    public static String latex(Term e) {
        return of(Objects.requireNonNull(e, "expression is null").expr(), Style.LATEX, x -> null, MAX_LENGTH);
    }

    /**
     * {@return {@code e} as a Presentation MathML {@code <math>} element}
     *
     * @param e the expression
     */
    public static String mathml(Term e) {
        return of(Objects.requireNonNull(e, "expression is null").expr(), Style.MATHML, x -> null, MAX_LENGTH);
    }

    /**
     * {@return the equation {@code name = e} in the given notation}, as the trace writes a node:
     * {@code n7 = 1/n6}
     *
     * @param name the name of the node, its trailing digits written as a subscript in LaTeX and MathML
     * @param e the expression
     * @param style the notation
     * @param names a name to print instead of a node below the root, or null to print the node out
     * @param maxLength the length after which the formula is cut
     */
    public static String equation(String name, Expr e, Style style, Function<Expr, String> names, int maxLength) {
        Objects.requireNonNull(name, "name is null");
        return switch (style) {
            case UNICODE -> name + " = " + of(e, style, names, maxLength);
            case LATEX -> subscripted(name, true) + " = " + of(e, style, names, maxLength);
            case MATHML -> {
                String body = body(e, names, maxLength);
                yield body == null ? MathMarkup.text(name + " = " + of(e, Style.UNICODE, names, maxLength))
                        : MathMarkup.math("<mrow>" + MathMarkup.name(name) + "<mo>=</mo>" + body + "</mrow>");
            }
        };
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
        if (style == Style.MATHML) {
            String body = body(e, names, maxLength);
            return body == null ? MathMarkup.text(of(e, Style.UNICODE, names, maxLength)) : MathMarkup.math(body);
        }
        boolean latex = style == Style.LATEX;
        Function<Expr, String> named = x -> x == e ? null : names.apply(x);
        return Printer.print(e, (node, context) -> {
            String name = named.apply(node);
            return name != null ? Template.of(ATOM, name) : bracketed(node, template(node, context, latex, named));
        }, latex ? "\\left(" : "(", latex ? "\\right)" : ")", maxLength);
    }

    /** {@return the MathML rows of {@code e}, or null if they would be longer than {@code maxLength} (5 times for markup)} */
    private static String body(Expr e, Function<Expr, String> names, int maxLength) {
        Function<Expr, String> named = x -> x == e ? null : names.apply(x);
        int max = maxLength > Integer.MAX_VALUE / 8 ? Integer.MAX_VALUE / 2 : maxLength * 8;
        String body = Printer.print(e, (node, context) -> {
            String name = named.apply(node);
            return name != null ? Template.of(ATOM, MathMarkup.name(name)) : bracketed(node, MathTemplates.of(node, context, named));
        }, MathMarkup.OPEN, MathMarkup.CLOSE, max);
        return body.endsWith(">") ? body : null;
    }

    /**
     * {@return the template with brackets forced around an operand that is the other kind of
     * product}: {@code (a ⊙ b)·c} and {@code a ⊙ (b·c)}, never {@code a ⊙ b·c}
     */
    private static Template bracketed(Expr node, Template t) {
        boolean matmul = node instanceof MatMul;
        if (!matmul && !elementwiseProduct(node)) {
            return t;
        }
        List<Object> items = new ArrayList<>(t.items());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Slot s && (matmul ? elementwiseProduct(s.e()) : s.e() instanceof MatMul)) {
                items.set(i, new Slot(s.e(), ATOM));
            }
        }
        return new Template(t.precedence(), items);
    }

    private static boolean elementwiseProduct(Expr e) {
        return e instanceof Binary b && (b.fn() == BinaryOp.MUL || b.fn() == BinaryOp.DIV) && !b.shape().isScalar();
    }

    private static Template template(Expr e, int context, boolean latex, Function<Expr, String> named) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, subscripted(v.name(), latex));
            case Leaf.Constant c -> constant(c.value(), latex);
            case Leaf.MatrixConstant m -> Template.of(ATOM, latex ? latexMatrix(m) : m.toString());
            case Unary u when u.fn() == UnaryOp.SQUARE -> power(u.a(), 2, latex, named);
            case Unary u -> Template.of(u, latex ? u.fn().latex() : u.fn().unicode());
            case Binary b when b.fn() == BinaryOp.POW && Exprs.constantValue(b.b()) != null ->
                    power(b.a(), Exprs.constantValue(b.b()), latex, named);
            case Binary b when b.fn() == BinaryOp.GATE && Exprs.constantValue(b.a()) != null && Exprs.constantValue(b.a()) == 1 ->
                    latex ? Template.of(ATOM, "\\left[", new Slot(b.b(), 0), " > 0\\right]")
                            : Template.of(ATOM, "[", new Slot(b.b(), 0), " > 0]");
            case Binary b when b.fn() == BinaryOp.MUL && b.shape().isScalar() && Exprs.constantValue(b.b()) != null
                    && Exprs.constantValue(b.a()) == null ->
                    Template.of(PRODUCT, new Slot(b.b(), PRODUCT), latex ? " \\cdot " : "·", new Slot(b.a(), PRODUCT));
            case Binary b -> Template.of(b, latex ? b.fn().latex(b.shape()) : b.fn().unicode(b.shape()));
            case Structural s -> Template.of(s, latex ? s.latex() : s.unicode(), context);
            case Custom c -> call(latex ? "\\operatorname{" + c.op() + "}" : c.op(), c, latex);
        };
    }

    /** Constants written by name: π, e and the {@code 2/√π} of erf's derivative, by their exact double values. */
    static final Map<Double, String[]> NAMED = Map.of(
            Math.PI, new String[] {"π", "\\pi"},
            Math.E, new String[] {"e", "e"},
            UnaryOp.TWO_OVER_SQRT_PI, new String[] {"2/√π", "\\frac{2}{\\sqrt{\\pi}}"});

    /** {@return a constant: by name if it is one of {@link #NAMED}, else its shortest decimal} */
    private static Template constant(double v, boolean latex) {
        String[] named = NAMED.get(Math.abs(v));
        if (named != null) {
            String text = named[latex ? 1 : 0];
            int precedence = text.contains("/") ? PRODUCT : ATOM;
            return v < 0 ? Template.of(SUM, (latex ? "-" : "−") + text) : Template.of(precedence, text);
        }
        return Template.of(v < 0 ? SUM : ATOM, latex ? Structure.number(v) : Structure.number(v).replace('-', '−'));
    }

    /** {@return {@code node} as the call {@code name(inputs)}, or in LaTeX {@code name\left(inputs\right)}} */
    private static Template call(String name, Expr node, boolean latex) {
        return Template.call(node, name + (latex ? "\\left(" : "("), ", ", latex ? "\\right)" : ")");
    }

    /**
     * {@return {@code a^p}}; a positive whole power of a function whose notation allows it prints
     * on the name, {@code sin²(x)}, unless the function's node is printed by name
     */
    private static Template power(Expr a, double p, boolean latex, Function<Expr, String> named) {
        String exponent = latex ? "^{" + Structure.number(p) + "}" : superscript(p);
        if (raisesName(a, p, named)) {
            String fn = (latex ? ((Unary) a).fn().latex() : ((Unary) a).fn().unicode()).raisable();
            Expr inner = a.input(0);
            return latex
                    ? Template.of(ATOM, fn + exponent + "\\left(", new Slot(inner, 0), "\\right)")
                    : Template.of(ATOM, fn + exponent + "(", new Slot(inner, 0), ")");
        }
        return Template.of(POWER, new Slot(a, ATOM), exponent);
    }

    /**
     * {@return whether {@code a^p} is written with the power on the function's name,
     * {@code sin²(x)}}: a positive whole power of a function whose notation allows it, unless the
     * function's node is printed by name
     */
    static boolean raisesName(Expr a, double p, Function<Expr, String> named) {
        return a instanceof Unary u && u.fn().unicode().raisable() != null && p > 0 && p == Math.rint(p) && named.apply(a) == null;
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
        Subscript split = Subscript.of(name);
        if (split.digits().isEmpty()) {
            return latex ? latexName(name) : name;
        }
        if (latex) {
            return latexName(split.base()) + "_{" + split.digits() + "}";
        }
        StringBuilder sb = new StringBuilder(split.base());
        for (char ch : split.digits().toCharArray()) {
            sb.append("₀₁₂₃₄₅₆₇₈₉".charAt(ch - '0'));
        }
        return sb.toString();
    }

    /**
     * A name as a formula writes it: a base and the trailing digits that are lowered as its
     * subscript ({@code x1}, {@code theta_2}), the digits empty for a name that has none to lower
     * ({@code x}, {@code 12}, {@code _1}).
     *
     * @param base the name without its subscript
     * @param digits the subscript's digits, or empty
     */
    record Subscript(String base, String digits) {

        /** {@return {@code name} split at its trailing digits, a {@code _} before them dropped} */
        static Subscript of(String name) {
            int start = name.length();
            while (start > 0 && Character.isDigit(name.charAt(start - 1))) {
                start--;
            }
            String base = name.substring(0, start);
            String digits = name.substring(start);
            if (base.endsWith("_") && !digits.isEmpty()) {
                base = base.substring(0, base.length() - 1);
            }
            return base.isEmpty() || digits.isEmpty() ? new Subscript(name, "") : new Subscript(base, digits);
        }
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
