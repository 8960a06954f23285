package adjoint.show;

import static adjoint.expr.Notation.ATOM;
import static adjoint.expr.Notation.POWER;
import static adjoint.expr.Notation.PRODUCT;
import static adjoint.expr.Notation.SUM;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Printer.Slot;
import adjoint.expr.Printer.Template;
import adjoint.expr.Structural;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.function.Function;

/**
 * Each node's template in Presentation MathML: quotients as {@code <mfrac>}, roots as
 * {@code <msqrt>}, powers as {@code <msup>}, matrix constants as {@code <mtable>}, and every
 * other op from its Unicode notation by {@link MathMarkup#fromUnicode}, so an op needs no
 * MathML of its own.
 */
final class MathTemplates {

    private MathTemplates() {}

    /**
     * {@return how {@code e} prints in MathML where precedence {@code context} is needed}
     *
     * @param e the node
     * @param context the precedence it is printed in
     * @param named a name to print instead of a node, or null
     */
    static Template of(Expr e, int context, Function<Expr, String> named) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, MathMarkup.name(v.name()));
            case Leaf.Constant c -> constant(c.value());
            case Leaf.MatrixConstant m -> Template.of(ATOM, matrix(m));
            case Unary u when u.fn() == UnaryOp.SQUARE -> power(u.a(), 2, named);
            case Unary u when u.fn() == UnaryOp.INV -> MathMarkup.layout(ATOM, "<mfrac><mn>1</mn>", new Slot(u.a(), 0), "</mfrac>");
            case Unary u when u.fn() == UnaryOp.SQRT -> MathMarkup.layout(ATOM, "<msqrt>", new Slot(u.a(), 0), "</msqrt>");
            case Unary u -> MathMarkup.fromUnicode(u, u.fn().unicode(), context);
            case Binary b when b.fn() == BinaryOp.DIV ->
                    MathMarkup.layout(ATOM, "<mfrac>", new Slot(b.a(), 0), new Slot(b.b(), 0), "</mfrac>");
            case Binary b when b.fn() == BinaryOp.POW && Exprs.constantValue(b.b()) != null ->
                    power(b.a(), Exprs.constantValue(b.b()), named);
            case Binary b when b.fn() == BinaryOp.POW ->
                    MathMarkup.layout(POWER, "<msup>", new Slot(b.a(), ATOM), new Slot(b.b(), 0), "</msup>");
            case Binary b when b.fn() == BinaryOp.GATE && Exprs.constantValue(b.a()) != null && Exprs.constantValue(b.a()) == 1 ->
                    MathMarkup.layout(ATOM, "<mo>[</mo>", new Slot(b.b(), 0), "<mo>&gt;</mo><mn>0</mn><mo>]</mo>");
            case Binary b when b.fn() == BinaryOp.MUL && b.shape().isScalar() && Exprs.constantValue(b.b()) != null
                    && Exprs.constantValue(b.a()) == null ->
                    MathMarkup.layout(PRODUCT, new Slot(b.b(), PRODUCT), "<mo>·</mo>", new Slot(b.a(), PRODUCT));
            case Binary b -> MathMarkup.fromUnicode(b, b.fn().unicode(b.shape()), context);
            case Structural s -> MathMarkup.fromUnicode(s, s.unicode(), context);
            case Custom c -> MathMarkup.row(Template.call(c, c.op() + "(", ", ", ")"));
        };
    }

    /** {@return a constant: π, e and 2/√π by name, else its shortest decimal} */
    private static Template constant(double v) {
        String[] name = Formula.NAMED.get(Math.abs(v));
        String magnitude = name == null ? MathMarkup.number(Math.abs(v))
                : name[0].equals("2/√π") ? "<mfrac><mn>2</mn><msqrt><mi>π</mi></msqrt></mfrac>"
                : "<mi>" + name[0] + "</mi>";
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            magnitude = Double.isNaN(v) ? "<mi>NaN</mi>" : "<mi>∞</mi>";
        }
        return v < 0 || v == 0 && 1 / v < 0 ? Template.of(SUM, "<mrow><mo>−</mo>" + magnitude + "</mrow>") : Template.of(ATOM, magnitude);
    }

    /**
     * {@return {@code a^p}}; a positive whole power of a function whose notation allows it is
     * written on the name, {@code sin²(x)}, unless the function's node is printed by name
     */
    private static Template power(Expr a, double p, Function<Expr, String> named) {
        String exponent = p < 0 ? "<mrow><mo>−</mo>" + MathMarkup.number(-p) + "</mrow>" : MathMarkup.number(p);
        if (Formula.raisesName(a, p, named)) {
            String fn = ((Unary) a).fn().unicode().raisable();
            return MathMarkup.layout(ATOM, "<msup>" + MathMarkup.tokens(fn) + exponent + "</msup><mo>(</mo>",
                    new Slot(a.input(0), 0), "<mo>)</mo>");
        }
        return MathMarkup.layout(POWER, "<msup>", new Slot(a, ATOM), exponent + "</msup>");
    }

    /** {@return a matrix constant as a bracketed table, or as {@code C} with its shape if it has more than 16 entries} */
    private static String matrix(Leaf.MatrixConstant m) {
        if (m.shape().size() > 16) {
            return "<msub><mi>C</mi><mtext>" + m.shape() + "</mtext></msub>";
        }
        StringBuilder sb = new StringBuilder("<mrow><mo>[</mo><mtable>");
        for (int i = 0; i < m.shape().rows(); i++) {
            sb.append("<mtr>");
            for (int j = 0; j < m.shape().cols(); j++) {
                double v = m.entry(i, j);
                sb.append("<mtd>").append(v < 0 ? "<mo>−</mo>" : "").append(MathMarkup.number(Math.abs(v))).append("</mtd>");
            }
            sb.append("</mtr>");
        }
        return sb.append("</mtable><mo>]</mo></mrow>").toString();
    }
}
