package adjoint.testkit;

import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rewrites of expressions that keep their meaning, for laws that compare the two. */
public final class Graphs {

    private Graphs() {}

    /**
     * {@return a copy of {@code e} in which every use of a shared node gets its own copy}: the
     * same function, as a tree. Its size grows with the number of paths, so use it on the small
     * expressions the generators make (recursion here is bounded by their depth).
     */
    public static Expr unshare(Expr e) {
        return rebuild(e, leaf -> leaf);
    }

    /**
     * {@return {@code e} rebuilt as a tree, each leaf replaced by what {@code leaves} makes of it}
     * (recursion bounded by the generators' depth, as for {@link #unshare})
     */
    public static Expr rebuild(Expr e, UnaryOperator<Expr> leaves) {
        if (e.arity() == 0) {
            return leaves.apply(e);
        }
        Expr[] inputs = new Expr[e.arity()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = rebuild(e.input(i), leaves);
        }
        return Exprs.withInputs(e, List.of(inputs));
    }
}
