package adjoint.eval;

import java.util.concurrent.ForkJoinPool;
import org.apache.commons.math3.linear.RealMatrix;

/** The forward value of every node of a {@link Program}. */
final class Values extends Slots {

    /** Where large matrix products of this pass are split by rows, or null for the calling thread alone. */
    ForkJoinPool pool;

    /** Values for every node of {@code p}: its scalar constants' set, no other yet. */
    Values(Program p) {
        super(p, p.presets());
    }

    @Override
    double[][] data(int i) {
        return scalar(i) ? new double[][] {{s[i]}} : m[i];
    }

    /** Stores a matrix as node {@code i}'s value, by reference where it can ({@link Layout#rows}). */
    void put(int i, RealMatrix value) {
        put(i, Layout.rows(value));
    }
}
