package adjoint.eval;

import java.util.Objects;

/**
 * One batch of a {@link BatchGradient}, as a {@link CompiledFunction} takes it: which of its
 * parameters a flat point holds, how that point is laid out, and the given entries of the
 * others (the batch's rows of the data).
 *
 * @param free the parameters, by index, that the flat point holds, in its order
 * @param layout how the flat point lays them out
 * @param given for each parameter index, its entries (by reference), or null if free
 */
record Batch(int[] free, Layout layout, double[][][] given) {

    /** Checks the parts. */
    Batch {
        Objects.requireNonNull(free, "free is null");
        Objects.requireNonNull(layout, "layout is null");
        Objects.requireNonNull(given, "given is null");
    }
}
