package adjoint.testkit;

import java.util.List;
import java.util.Objects;
import org.quicktheories.core.RandomnessSource;
import org.quicktheories.generators.SourceDSL;

/**
 * Random choices drawn from QuickTheories' randomness source, so that everything built from
 * them shrinks: smaller draws mean shallower expressions, earlier (simpler) ops, values nearer
 * the low end of their range.
 */
public final class Draw {

    private final RandomnessSource source;
    private final int maxDim;

    /**
     * Wraps a randomness source.
     *
     * @param source QuickTheories' source
     * @param maxDim the largest matrix dimension {@link #dim()} draws; 1 for scalars only
     */
    public Draw(RandomnessSource source, int maxDim) {
        this.source = Objects.requireNonNull(source, "source is null");
        if (maxDim < 1) {
            throw new IllegalArgumentException("maxDim must be at least 1, got " + maxDim);
        }
        this.maxDim = maxDim;
    }

    /** {@return a matrix dimension from 1 to the largest allowed} */
    public int dim() {
        return between(1, maxDim);
    }

    /** {@return the largest matrix dimension allowed} */
    public int maxDim() {
        return maxDim;
    }

    /** {@return an int from {@code lo} to {@code hi}, both included} */
    public int between(int lo, int hi) {
        return SourceDSL.integers().between(lo, hi).generate(source);
    }

    /** {@return a double from {@code lo} to {@code hi}} */
    public double between(double lo, double hi) {
        return SourceDSL.doubles().between(lo, hi).generate(source);
    }

    /** {@return true with the given probability, in percent} */
    public boolean chance(int percent) {
        return between(0, 99) < percent;
    }

    /** {@return one of the items} */
    public <T> T oneOf(List<T> items) {
        return items.get(between(0, items.size() - 1));
    }
}
