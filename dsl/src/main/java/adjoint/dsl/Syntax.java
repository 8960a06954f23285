package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Notation;
import adjoint.expr.Printer;
import adjoint.expr.Printer.Slot;
import adjoint.expr.Printer.Template;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.List;
import java.util.Objects;

/**
 * The text syntax of scalar expressions, as a calculator or Python writes them:
 * {@code 1/(2 + sin(x1*w1)^2 + cos(x2*w2))}.
 * <ul>
 *   <li>numbers ({@code 2}, {@code 0.5}, {@code 1e-3}), the constants {@code pi} and {@code e},
 *   names as variables ({@code x}, {@code w1}, {@code theta_2});</li>
 *   <li>{@code + - * /}, and {@code ^} for powers: right-associative and tighter than unary minus,
 *   so {@code -x^2 = -(x^2)} and {@code 2^3^2 = 512};</li>
 *   <li>parentheses, and the functions of the op tables by their names: one-input ops such as
 *   {@code sin(x)}, two-input ops written as calls; {@link #functions()} lists them.</li>
 * </ul>
 * A parse error says where, with a caret under the spot, and what was expected; an unknown
 * function name suggests the nearest known one. {@link #print} writes an expression back in
 * this syntax, so that printing and parsing again gives the same expression.
 */
public final class Syntax {

    private static final int UNARY = Notation.UNARY;
    private static final int ATOM = Notation.ATOM;

    private Syntax() {}

    /**
     * {@return the expression the text denotes}
     *
     * @throws ParseException if the text is not an expression of this syntax
     */
    public static Scalar parse(String text) {
        Objects.requireNonNull(text, "text is null");
        return new Scalar(Parser.parse(text));
    }

    /**
     * {@return {@code e} written in this syntax, with the parentheses that parsing it back needs}
     *
     * @throws IllegalArgumentException if {@code e} has an op this syntax cannot write (a matrix op)
     */
    public static String print(Term e) {
        Expr root = Objects.requireNonNull(e, "expression is null").expr();
        return Printer.print(root, (node, context) -> template(node), "(", ")", Integer.MAX_VALUE - 1);
    }

    /** {@return the names of the functions the syntax knows, from the op tables} */
    public static List<String> functions() {
        return List.copyOf(Functions.names());
    }

    private static Template template(Expr e) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, v.name());
            case Leaf.Constant c -> c.value() < 0 || (c.value() == 0 && 1 / c.value() < 0)
                    ? Template.of(UNARY, Structure.number(c.value()).startsWith("-") ? Structure.number(c.value())
                            : "-" + Structure.number(-c.value()))
                    : Template.of(ATOM, Structure.number(c.value()));
            case Unary u when u.fn() == UnaryOp.NEG -> u.a() instanceof Leaf.Constant c && c.value() >= 0
                    ? Template.of(UNARY, "-(", Structure.number(c.value()), ")")
                    : Template.of(UNARY, "-", new Slot(u.a(), UNARY));
            case Unary u -> Template.call(u, u.op() + "(", ", ", ")");
            case Binary b -> Template.of(b, b.fn().text());
            case Leaf.MatrixConstant m -> throw unsupported(e);
            case MatrixOp m -> throw unsupported(e);
            case Custom c -> throw unsupported(e);
        };
    }

    private static IllegalArgumentException unsupported(Expr e) {
        return new IllegalArgumentException("the text syntax has no " + e.op() + " (" + e.shape() + "): "
                + Structure.text(e, 80));
    }
}
