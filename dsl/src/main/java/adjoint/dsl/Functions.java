package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The functions of the text syntax, by name, read from the op tables: every {@link UnaryOp}
 * and every {@link BinaryOp} written as a call ({@code max(a, b)}).
 */
final class Functions {

    private Functions() {}

    /** {@return every function name, one-input ops first, in table order} */
    static List<String> names() {
        List<String> names = new ArrayList<>();
        for (UnaryOp op : UnaryOp.values()) {
            names.add(op.syntax());
        }
        for (BinaryOp op : BinaryOp.values()) {
            if (op.isCall()) {
                names.add(op.syntax());
            }
        }
        return names;
    }

    /** {@return the number of arguments the function {@code name} takes, if there is one} */
    static Optional<Integer> arity(String name) {
        return UnaryOp.named(name).map(op -> 1).or(() -> BinaryOp.named(name).map(op -> 2));
    }

    /** {@return the function {@code name} applied to its arguments, whose number {@link #arity} gives} */
    static Expr apply(String name, List<Expr> args) {
        Optional<UnaryOp> unary = UnaryOp.named(name);
        if (unary.isPresent()) {
            return new Unary(unary.get(), args.get(0));
        }
        return new Binary(BinaryOp.named(name).orElseThrow(), args.get(0), args.get(1));
    }

    /** {@return the known name nearest to {@code name} by edit distance, if within two edits} */
    static Optional<String> nearest(String name) {
        String best = null;
        int bestDistance = 3;
        for (String k : names()) {
            int d = distance(k, name);
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
