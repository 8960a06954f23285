package adjoint.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One workload's measurements: adjoint's median, and each baseline measured in the same run.
 *
 * @param workload the workload's name
 * @param size its size parameter
 * @param seconds adjoint's median seconds per call
 * @param baselines each baseline's name and median seconds
 */
record Line(String workload, long size, double seconds, List<Baseline> baselines) {

    /**
     * A baseline's median.
     *
     * @param name what was measured
     * @param seconds its median seconds per call
     */
    record Baseline(String name, double seconds) {}

    /** {@return this line with one more baseline} */
    Line with(String name, double baselineSeconds) {
        List<Baseline> more = new ArrayList<>(baselines);
        more.add(new Baseline(name, baselineSeconds));
        return new Line(workload, size, seconds, more);
    }

    /** {@return {@code workload size median_seconds}, then each baseline with adjoint's time over its time} */
    String render() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-28s %8d %.3e", workload, size, seconds));
        for (Baseline b : baselines) {
            sb.append(String.format(Locale.ROOT, "  | %s %.3e (adjoint/%s = %.3g)", b.name(), b.seconds(), b.name(),
                    seconds / b.seconds()));
        }
        return sb.toString();
    }

    /** {@return CSV rows: one for adjoint, one per baseline, each with adjoint's time over its own} */
    List<String> csv() {
        List<String> rows = new ArrayList<>();
        rows.add(String.format(Locale.ROOT, "%s,%d,adjoint,%.6e,1", workload, size, seconds));
        for (Baseline b : baselines) {
            rows.add(String.format(Locale.ROOT, "%s,%d,%s,%.6e,%.6g", workload, size, b.name(), b.seconds(), seconds / b.seconds()));
        }
        return rows;
    }
}
