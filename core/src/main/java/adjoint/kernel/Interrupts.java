package adjoint.kernel;

import java.util.concurrent.CancellationException;

/**
 * Where a long computation looks whether its thread was interrupted (a server's request was
 * cancelled at its deadline), so that it stops and frees its thread instead of finishing work
 * nobody waits for. The passes look every few hundred nodes, the kernels once per row.
 */
public final class Interrupts {

    private Interrupts() {}

    /**
     * Throws if the current thread was interrupted; the interrupt stays set for the caller.
     *
     * @throws CancellationException if it was
     */
    public static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("the computation was cancelled");
        }
    }
}
