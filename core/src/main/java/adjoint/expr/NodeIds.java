package adjoint.expr;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Numbers nodes as they are made, from one counter for the whole JVM: a node's number is larger
 * than its inputs' (they were made first), and the nodes of a graph built in one go have
 * numbers close together, so linearising it can index them in an array instead of hashing them.
 * Only the last number given is public, for {@code adjoint.graph}.
 */
public final class NodeIds {

    private static final AtomicLong LAST = new AtomicLong();

    private NodeIds() {}

    /** {@return the last number given} */
    public static long last() {
        return LAST.get();
    }

    /** {@return {@code id} if it is positive, otherwise a new number} */
    static long fresh(long id) {
        return id > 0 ? id : LAST.incrementAndGet();
    }
}
