package adjoint.check;

import adjoint.expr.Expr;
import adjoint.expr.Structure;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The result of a gradient check: every gradient entry compared, and, if any failed, the first
 * node (innermost first) whose own rule is wrong.
 *
 * @param expression the expression checked
 * @param value its value at the point
 * @param entries each variable entry's check
 * @param culprit the first node whose rule fails its own check, if an entry failed
 * @param tolerance the tolerance used
 */
public record CheckReport(Expr expression, double value, List<EntryCheck> entries, Optional<NodeCheck> culprit,
        GradientCheck tolerance) {

    /** {@return whether an entry failed: backprop disagrees with finite differences where they can be compared} */
    public boolean failed() {
        return entries.stream().anyMatch(e -> e.status() == Status.FAIL);
    }

    /**
     * {@return whether the check could not decide}: no entry failed, but an entry could not be
     * compared near a pole ({@link Status#INCONCLUSIVE}), or none was compared at all, every one
     * being NaN or infinite (or there being none)
     */
    public boolean inconclusive() {
        return !failed() && (entries.stream().anyMatch(e -> e.status() == Status.INCONCLUSIVE)
                || entries.stream().allMatch(e -> e.status() == Status.NON_FINITE));
    }

    /**
     * {@return whether the check passed: no entry failed or was undecided near a pole, and at
     * least one was compared; kinks are reported, not failed}
     */
    public boolean passed() {
        return !failed() && !inconclusive();
    }

    /** {@return the verdict: {@code PASSED}, {@code FAILED} or {@code INCONCLUSIVE}} */
    public String verdict() {
        return failed() ? "FAILED" : inconclusive() ? "INCONCLUSIVE" : "PASSED";
    }

    /**
     * {@return the entries with the given status}
     *
     * @param status the status
     */
    public List<EntryCheck> withStatus(Status status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    /** {@return the largest {@code |backprop - numeric|} over entries that are finite} */
    public double largestError() {
        return entries.stream().filter(e -> e.status() != Status.NON_FINITE).mapToDouble(EntryCheck::error).max().orElse(0.0);
    }

    /** {@return the report as text: a verdict, one line per entry, and the culprit if any} */
    public String render() {
        StringBuilder sb = new StringBuilder();
        int undecided = withStatus(Status.INCONCLUSIVE).size();
        sb.append(String.format(Locale.ROOT, "gradient check: %s (%d entries, %d non-smooth, %d non-finite%s; %s)%n",
                verdict(), entries.size(), withStatus(Status.NON_SMOOTH).size(), withStatus(Status.NON_FINITE).size(),
                undecided == 0 ? "" : ", " + undecided + " near a pole", tolerance.describe()));
        sb.append("  of ").append(Structure.text(expression)).append('\n');
        sb.append(String.format(Locale.ROOT, "  value %s%n", value));
        sb.append("  ").append(EntryCheck.header()).append('\n');
        for (EntryCheck e : entries) {
            sb.append("  ").append(e.render()).append('\n');
        }
        culprit.ifPresent(c -> sb.append(c.render()));
        if (failed() && culprit.isEmpty()) {
            sb.append("no single node's rule fails on its own: the disagreement comes from how nodes combine\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
