package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatrixOp;
import adjoint.expr.Structure;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import java.util.ArrayDeque;
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
 *   <li>parentheses, and the functions {@code sin cos tan exp log sqrt square inv tanh sigmoid relu
 *   abs softplus log1p sign erf neg}.</li>
 * </ul>
 * A parse error says where, with a caret under the spot, and what was expected; an unknown
 * function name suggests the nearest known one. {@link #print} writes an expression back in
 * this syntax, so that printing and parsing again gives the same expression.
 */
public final class Syntax {

    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

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
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(new Slot(root, 0));
        while (!todo.isEmpty()) {
            Object item = todo.pop();
            if (item instanceof String s) {
                sb.append(s);
                continue;
            }
            Slot slot = (Slot) item;
            Template t = template(slot.e());
            boolean parens = t.precedence() < slot.context();
            if (parens) {
                todo.push(")");
            }
            for (int i = t.items().size() - 1; i >= 0; i--) {
                todo.push(t.items().get(i));
            }
            if (parens) {
                sb.append('(');
            }
        }
        return sb.toString();
    }

    private record Slot(Expr e, int context) {}

    private record Template(int precedence, List<Object> items) {
        static Template of(int precedence, Object... items) {
            return new Template(precedence, List.of(items));
        }
    }

    private static Template template(Expr e) {
        return switch (e) {
            case Leaf.Variable v -> Template.of(ATOM, v.name());
            case Leaf.Constant c -> c.value() < 0 || (c.value() == 0 && 1 / c.value() < 0)
                    ? Template.of(UNARY, Structure.number(c.value()).startsWith("-") ? Structure.number(c.value())
                            : "-" + Structure.number(-c.value()))
                    : Template.of(ATOM, Structure.number(c.value()));
            case Unary.Neg n -> n.a() instanceof Leaf.Constant c && c.value() >= 0
                    ? Template.of(UNARY, "-(", Structure.number(c.value()), ")")
                    : Template.of(UNARY, "-", new Slot(n.a(), UNARY));
            case Unary.Power p -> Template.of(POWER, new Slot(p.a(), ATOM), "^" + Structure.number(p.p()));
            case Unary u -> Template.of(ATOM, u.op() + "(", new Slot(u.a(), 0), ")");
            case Binary.Add b -> Template.of(SUM, new Slot(b.a(), SUM), " + ", new Slot(b.b(), PRODUCT));
            case Binary.Sub b -> Template.of(SUM, new Slot(b.a(), SUM), " - ", new Slot(b.b(), PRODUCT));
            case Binary.Mul b -> Template.of(PRODUCT, new Slot(b.a(), PRODUCT), "*", new Slot(b.b(), UNARY));
            case Binary.Div b -> Template.of(PRODUCT, new Slot(b.a(), PRODUCT), "/", new Slot(b.b(), UNARY));
            case Binary.Pow b -> b.b() instanceof Leaf.Constant c
                    ? Template.of(POWER, new Slot(b.a(), ATOM), "^(", Structure.number(c.value()), ")")
                    : Template.of(POWER, new Slot(b.a(), ATOM), "^", new Slot(b.b(), UNARY));
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
