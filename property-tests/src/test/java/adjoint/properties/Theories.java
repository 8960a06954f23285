package adjoint.properties;

import org.quicktheories.QuickTheory;

/** How this project's suites run QuickTheories: 1000 examples, a seed that a run can change. */
final class Theories {

    /** The seed, from {@code -Dadjoint.seed=N}, else a fixed one so that every build checks the same cases. */
    static final long SEED = Long.getLong("adjoint.seed", 20_261_121L);

    /** Examples per law, from {@code -Dadjoint.examples=N}, else 1000. */
    static final int EXAMPLES = Integer.getInteger("adjoint.examples", 1000);

    private Theories() {}

    /**
     * {@return QuickTheories with the seed, asking for a tenth more examples than
     * {@link #EXAMPLES}}: it skips examples it has already tried, so asking for exactly
     * {@code EXAMPLES} can run a few less
     */
    static QuickTheory qt() {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(EXAMPLES + EXAMPLES / 10);
    }
}
