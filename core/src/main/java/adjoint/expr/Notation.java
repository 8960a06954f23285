package adjoint.expr;

import java.util.List;
import java.util.Objects;

/**
 * How an op prints in a formula: its precedence and its pieces, text and operand slots. A slot
 * names an input and the least precedence it may print at without parentheses.
 * {@code Notation.of(SUM, slot(0, SUM), " + ", slot(1, SUM))} prints {@code a + b}.
 *
 * @param precedence how tightly the op binds, from {@link #SUM} to {@link #ATOM}
 * @param parts text ({@code String}) and operands ({@link Slot}), in order
 * @param raisable for a function such as {@code sin}, the name a whole power is written on
 *     ({@code sin²(x)}), else null
 */
public record Notation(int precedence, List<Object> parts, String raisable) {

    /** Sums and differences. */
    public static final int SUM = 1;
    /** Products and quotients. */
    public static final int PRODUCT = 2;
    /** Prefix minus (in the text syntax, tighter than products, looser than powers). */
    public static final int UNARY = 3;
    /** Powers, roots and transposes. */
    public static final int POWER = 4;
    /** Names, numbers, function calls and bracketed forms. */
    public static final int ATOM = 5;
    /** The precedence of a node that prints as its input alone, never in parentheses of its own. */
    public static final int TRANSPARENT = Integer.MAX_VALUE;
    /** A slot's context meaning "the context the node itself is printed in", for {@link #transparent()}. */
    public static final int INHERIT = -1;

    /**
     * An operand of the notation.
     *
     * @param input the input's position
     * @param context the least precedence the input may print at without parentheses
     */
    public record Slot(int input, int context) {}

    /** Checks the parts and copies them. */
    public Notation {
        Objects.requireNonNull(parts, "parts is null");
        parts = List.copyOf(parts);
    }

    /**
     * {@return a notation from its precedence and pieces, {@code String}s and {@link Slot}s}
     *
     * @param precedence how tightly it binds
     * @param parts the text and slots, in order
     */
    public static Notation of(int precedence, Object... parts) {
        return new Notation(precedence, List.of(parts), null);
    }

    /**
     * {@return input {@code input} printed where precedence {@code context} is needed}
     *
     * @param input the input it stands for
     * @param context the precedence the input is printed in
     */
    public static Slot slot(int input, int context) {
        return new Slot(input, context);
    }

    /**
     * {@return the call {@code name(a)} or {@code name(a, b)}, for an op of that many inputs}
     *
     * @param name the function's name
     * @param arity the number of arguments
     */
    public static Notation call(String name, int arity) {
        return arity == 1 ? of(ATOM, name + "(", slot(0, 0), ")") : of(ATOM, name + "(", slot(0, 0), ", ", slot(1, 0), ")");
    }

    /**
     * {@return the LaTeX call {@code name\left(a\right)}, or with two arguments}
     *
     * @param name the function's name
     * @param arity the number of arguments
     */
    public static Notation latexCall(String name, int arity) {
        return arity == 1
                ? of(ATOM, name + "\\left(", slot(0, 0), "\\right)")
                : of(ATOM, name + "\\left(", slot(0, 0), ", ", slot(1, 0), "\\right)");
    }

    /**
     * {@return a call of one input whose whole powers are written on the name: {@code sin²(x)}}
     *
     * @param name the function's name
     */
    public static Notation raisable(String name) {
        return new Notation(ATOM, call(name, 1).parts, name);
    }

    /**
     * {@return a LaTeX call of one input whose whole powers are written on the name: {@code \sin^{2}\left(x\right)}}
     *
     * @param name the function's name
     */
    public static Notation latexRaisable(String name) {
        return new Notation(ATOM, latexCall(name, 1).parts, name);
    }

    /** {@return the notation of a node that prints as its only input, in the context it is printed in: a broadcast} */
    public static Notation transparent() {
        return of(TRANSPARENT, slot(0, INHERIT));
    }

    /**
     * {@return an infix operator {@code a op b} of this precedence, the right operand bound one level tighter if asked}
     *
     * @param precedence how tightly it binds
     * @param op the operator as written
     * @param rightContext the precedence its right operand is printed in
     */
    public static Notation infix(int precedence, String op, int rightContext) {
        return of(precedence, slot(0, precedence), op, slot(1, rightContext));
    }
}
