package adjoint.dsl;

import adjoint.expr.Expr;
import adjoint.expr.Unary;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import java.util.function.Function;

/** The functions of the text syntax, by name: every elementwise op of one input. */
final class Functions {

    /** Each name and the op it builds; a node's {@code op()} is its name here. */
    static final Map<String, Function<Expr, Expr>> BY_NAME = LinkedHashMap.<String, Function<Expr, Expr>>empty()
            .put("sin", Unary.Sin::new)
            .put("cos", Unary.Cos::new)
            .put("tan", Unary.Tan::new)
            .put("exp", Unary.Exp::new)
            .put("log", Unary.Log::new)
            .put("sqrt", Unary.Sqrt::new)
            .put("square", Unary.Square::new)
            .put("inv", Unary.Reciprocal::new)
            .put("tanh", Unary.Tanh::new)
            .put("sigmoid", Unary.Sigmoid::new)
            .put("relu", Unary.Relu::new)
            .put("abs", Unary.Abs::new)
            .put("softplus", Unary.Softplus::new)
            .put("log1p", Unary.Log1p::new)
            .put("sign", Unary.Sign::new)
            .put("erf", Unary.Erf::new)
            .put("neg", Unary.Neg::new);

    private Functions() {}

    /** {@return the known name nearest to {@code name} by edit distance, if within two edits} */
    static io.vavr.control.Option<String> nearest(String name) {
        return BY_NAME.keySet().toList()
                .map(k -> io.vavr.Tuple.of(k, distance(k, name)))
                .filter(t -> t._2 <= 2)
                .minBy(t -> t._2)
                .map(t -> t._1);
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
