package adjoint.eval;

import adjoint.expr.Expr;
import adjoint.expr.MatMul;
import adjoint.expr.Shape;
import adjoint.expr.Term;
import adjoint.graph.Order;
import java.util.Objects;

/**
 * What one value and gradient of an expression cost, known from its shapes before any pass
 * runs: the matrix entries the two passes hold (each node's value and gradient) and the
 * multiply-adds they do (three per entry of each matrix product's {@code m x k x n}, one per
 * entry elsewhere). A server refuses work over a budget with it; the command line refuses work
 * that cannot fit the heap. Sums that overflow a {@code long} stay at {@link Long#MAX_VALUE}.
 *
 * @param entries the entries of every node's value and gradient
 * @param multiplyAdds the multiply-adds of one forward and one backward pass
 */
public record Cost(long entries, long multiplyAdds) {

    /**
     * {@return the cost of one value and gradient of {@code expression}}
     *
     * @param expression the expression
     */
    public static Cost of(Term expression) {
        Order order = Order.of(Objects.requireNonNull(expression, "expression is null").expr());
        long entries = 0;
        long work = 0;
        for (int i = 0; i < order.size(); i++) {
            Expr node = order.node(i);
            Shape s = node.shape();
            long size = (long) s.rows() * s.cols();
            entries = add(entries, 2 * size);
            if (node instanceof MatMul m) {
                work = add(work, times(times(3L * m.a().shape().rows(), m.a().shape().cols()), m.b().shape().cols()));
            } else {
                work = add(work, 2 * size);
            }
        }
        return new Cost(entries, work);
    }

    /** {@return the bytes the entries take, 8 each} */
    public long bytes() {
        return entries > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : entries * 8;
    }

    /**
     * {@return whether this cost is within both limits}
     *
     * @param maxEntries the most entries
     * @param maxMultiplyAdds the most multiply-adds
     */
    public boolean within(long maxEntries, long maxMultiplyAdds) {
        return entries <= maxEntries && multiplyAdds <= maxMultiplyAdds;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%,d entries (%s) and %,d multiply-adds", entries, size(bytes()), multiplyAdds);
    }

    /** {@return a byte count as MB or GB} */
    static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
    }

    private static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
