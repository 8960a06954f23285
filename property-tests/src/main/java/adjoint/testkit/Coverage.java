package adjoint.testkit;

import adjoint.eval.CompiledFunction;
import adjoint.expr.Expr;
import java.util.ArrayDeque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts what a property suite exercised: how many expressions, how many nodes, and how often
 * each op appeared. Safe to share between threads.
 */
public final class Coverage {

    private final Map<String, Integer> ops = new TreeMap<>();
    private long expressions;
    private long nodes;

    /** Records one sample's expression. */
    public synchronized void record(Sample s) {
        record(s.expression());
    }

    /** Records one expression: each distinct node once. */
    public synchronized void record(Expr e) {
        expressions++;
        CompiledFunction f = CompiledFunction.of(e);
        nodes += f.nodeCount();
        walk(e);
    }

    private void walk(Expr root) {
        IdentityHashMap<Expr, Boolean> seen = new IdentityHashMap<>();
        ArrayDeque<Expr> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            if (seen.put(e, Boolean.TRUE) != null) {
                continue;
            }
            if (e.arity() > 0) {
                ops.merge(e.op(), 1, Integer::sum);
            }
            for (int i = 0; i < e.arity(); i++) {
                todo.push(e.input(i));
            }
        }
    }

    /** {@return the number of expressions recorded} */
    public synchronized long expressions() {
        return expressions;
    }

    /** {@return how many times an op (by its name, {@link Expr#op()}) appeared} */
    public synchronized int count(String op) {
        return ops.getOrDefault(op, 0);
    }

    /** {@return a one-paragraph summary: expressions, nodes, and each op's count} */
    public synchronized String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%d expressions, %d nodes, %d ops:",
                expressions, nodes, ops.size()));
        ops.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        return sb.toString();
    }
}
