package adjoint.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The one printer of expressions as text, used by function form ({@link Structure#text}), the
 * text syntax and formulas: each node becomes a {@link Template} of text and {@link Slot}s,
 * worked off an explicit stack, so any depth prints; a slot whose template binds looser than it
 * needs is put in parentheses. A shared node is written out at each use, so the text is cut
 * after a maximum length.
 */
public final class Printer {

    private Printer() {}

    /**
     * A sub-expression to print where the text around it needs at least precedence {@code context}.
     *
     * @param e the sub-expression
     * @param context the least precedence it may print at without parentheses
     */
    public record Slot(Expr e, int context) {}

    /**
     * How one node prints: its precedence and its pieces, text ({@code String}) and {@link Slot}s.
     *
     * @param precedence how tightly it binds, from {@link Notation#SUM} to {@link Notation#ATOM}
     * @param items the pieces in order
     */
    public record Template(int precedence, List<Object> items) {

        /**
         * {@return a template from its precedence and pieces}
         *
         * @param precedence how tightly it binds
         * @param items the text and slots, in order
         */
        public static Template of(int precedence, Object... items) {
            return new Template(precedence, List.of(items));
        }

        /**
         * {@return the template of {@code node} written in notation {@code n}, its slots filled with the node's inputs}
         *
         * @param node the node
         * @param n the node's notation
         */
        public static Template of(Expr node, Notation n) {
            return of(node, n, 0);
        }

        /**
         * {@return the template of {@code node} written in notation {@code n} where precedence
         * {@code context} is needed}: a slot of context {@link Notation#INHERIT} takes {@code context}
         *
         * @param node the node
         * @param n the node's notation
         * @param context the precedence the node is printed in
         */
        public static Template of(Expr node, Notation n, int context) {
            List<Object> items = new ArrayList<>(n.parts().size());
            for (Object part : n.parts()) {
                items.add(part instanceof Notation.Slot s
                        ? new Slot(node.input(s.input()), s.context() == Notation.INHERIT ? context : s.context()) : part);
            }
            return new Template(n.precedence(), items);
        }

        /**
         * {@return the call {@code name(a, b, ...)} of {@code node}'s inputs, with the given separators}
         *
         * @param node the node
         * @param open the text before the arguments
         * @param separator the text between arguments
         * @param close the text after the arguments
         */
        public static Template call(Expr node, String open, String separator, String close) {
            List<Object> items = new ArrayList<>();
            items.add(open);
            for (int i = 0; i < node.arity(); i++) {
                if (i > 0) {
                    items.add(separator);
                }
                items.add(new Slot(node.input(i), 0));
            }
            items.add(close);
            return new Template(Notation.ATOM, items);
        }
    }

    /** Gives each node's template. */
    @FunctionalInterface
    public interface Templates {
        /**
         * {@return how {@code e} prints where precedence {@code context} is needed}
         *
         * @param e the node
         * @param context the precedence it is printed in
         */
        Template of(Expr e, int context);
    }

    /**
     * {@return {@code root} printed with the given templates}
     *
     * @param root the expression
     * @param templates each node's template
     * @param open the text that opens parentheses, such as {@code (} or {@code \left(}
     * @param close the text that closes them
     * @param max the length after which the text is cut and ends with an ellipsis
     */
    public static String print(Expr root, Templates templates, String open, String close, int max) {
        Objects.requireNonNull(root, "expression is null");
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> todo = new ArrayDeque<>();
        todo.push(new Slot(root, 0));
        int steps = 0;
        while (!todo.isEmpty()) {
            if ((++steps & 4095) == 0) {
                adjoint.kernel.Interrupts.check();
            }
            if (sb.length() > max) {
                sb.setLength(max);
                return sb.append('…').toString();
            }
            Object item = todo.pop();
            if (item instanceof String s) {
                sb.append(s);
                continue;
            }
            Slot slot = (Slot) item;
            Template t = templates.of(slot.e(), slot.context());
            boolean parens = t.precedence() < slot.context();
            if (parens) {
                todo.push(close);
            }
            for (int i = t.items().size() - 1; i >= 0; i--) {
                todo.push(t.items().get(i));
            }
            if (parens) {
                sb.append(open);
            }
        }
        return sb.toString();
    }
}
