package adjoint.examples;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A gradient computed two ways, by backprop and by a hand-derived closed form, side by side.
 *
 * @param title what was differentiated, and where
 * @param value the function's value
 * @param backprop the gradient by backprop, per variable (a scalar as {@code 1x1})
 * @param hand the hand-derived gradient, with the same variables and shapes
 */
public record Comparison(String title, double value, Map<String, RealMatrix> backprop, Map<String, RealMatrix> hand) {

    /** Below this magnitude the difference is measured absolutely rather than relatively. */
    public static final double TINY = 1e-15;

    /** Checks that both gradients name the same variables. */
    public Comparison {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(backprop, "backprop is null");
        Objects.requireNonNull(hand, "hand is null");
        if (!backprop.keySet().equals(hand.keySet())) {
            throw new IllegalArgumentException("backprop has " + backprop.keySet() + " but hand has " + hand.keySet());
        }
    }

    /** {@return an empty map to collect gradients in order} */
    public static Map<String, RealMatrix> gradients() {
        return LinkedHashMap.empty();
    }

    /**
     * {@return the largest difference between the two gradients over all entries}: relative to
     * the hand-derived entry, or absolute where that entry is below {@link #TINY}.
     */
    public double largestDifference() {
        double worst = 0;
        for (var e : backprop) {
            RealMatrix a = e._2;
            RealMatrix b = hand.get(e._1).get();
            for (int i = 0; i < a.getRowDimension(); i++) {
                for (int j = 0; j < a.getColumnDimension(); j++) {
                    worst = Math.max(worst, difference(a.getEntry(i, j), b.getEntry(i, j)));
                }
            }
        }
        return worst;
    }

    /**
     * {@return the entries whose difference exceeds {@code tolerance}}, each as
     * {@code x1 (0.0590860 vs 0.112336, off by 47.4%)}: backprop first, then the hand-derived
     * value, then the difference, relative unless the hand-derived value is tiny
     */
    public io.vavr.collection.Seq<String> disagreements(double tolerance) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var e : backprop) {
            RealMatrix a = e._2;
            RealMatrix b = hand.get(e._1).get();
            boolean scalar = a.getRowDimension() == 1 && a.getColumnDimension() == 1;
            for (int i = 0; i < a.getRowDimension(); i++) {
                for (int j = 0; j < a.getColumnDimension(); j++) {
                    double d = difference(a.getEntry(i, j), b.getEntry(i, j));
                    if (d > tolerance) {
                        String by = Math.abs(b.getEntry(i, j)) < TINY
                                ? String.format(Locale.ROOT, "off by %.3g", d)
                                : String.format(Locale.ROOT, "off by %.3g%%", 100 * d);
                        out.add(String.format(Locale.ROOT, "%s (%.6g vs %.6g, %s)",
                                scalar ? e._1 : e._1 + "[" + i + "," + j + "]", a.getEntry(i, j), b.getEntry(i, j), by));
                    }
                }
            }
        }
        return io.vavr.collection.List.ofAll(out);
    }

    /** {@return the difference of two numbers, relative to {@code expected} unless it is tiny} */
    public static double difference(double actual, double expected) {
        double d = Math.abs(actual - expected);
        return Math.abs(expected) < TINY ? d : d / Math.abs(expected);
    }

    /** {@return the comparison as an aligned table, one row per gradient entry} */
    public String render() {
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(String.format(Locale.ROOT, "  value %s%n", value));
        sb.append(String.format(Locale.ROOT, "  %-10s %-25s %-25s %s%n", "entry", "backprop", "hand-derived", "difference"));
        for (var e : backprop) {
            RealMatrix a = e._2;
            RealMatrix b = hand.get(e._1).get();
            boolean scalar = a.getRowDimension() == 1 && a.getColumnDimension() == 1;
            for (int i = 0; i < a.getRowDimension(); i++) {
                for (int j = 0; j < a.getColumnDimension(); j++) {
                    String entry = scalar ? e._1 : e._1 + "[" + i + "," + j + "]";
                    sb.append(String.format(Locale.ROOT, "  %-10s %-25s %-25s %.1e%n", entry,
                            a.getEntry(i, j), b.getEntry(i, j), difference(a.getEntry(i, j), b.getEntry(i, j))));
                }
            }
        }
        sb.append(String.format(Locale.ROOT, "  largest difference: %.1e%n", largestDifference()));
        return sb.toString();
    }
}
