package adjoint.examples;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.util.ArrayList;
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
     * One gradient entry, both ways.
     *
     * @param name the entry: a scalar variable's name, or {@code W[1,2]}
     * @param backprop the value by backprop
     * @param hand the hand-derived value
     */
    public record Entry(String name, double backprop, double hand) {

        /** {@return the difference, relative to the hand-derived value unless it is tiny} */
        public double difference() {
            return Comparison.difference(backprop, hand);
        }
    }

    /** {@return every gradient entry, variable by variable, each matrix row by row} */
    public List<Entry> entries() {
        java.util.List<Entry> out = new ArrayList<>();
        for (var e : backprop) {
            RealMatrix a = e._2;
            RealMatrix b = hand.get(e._1).get();
            boolean scalar = a.getRowDimension() == 1 && a.getColumnDimension() == 1;
            for (int i = 0; i < a.getRowDimension(); i++) {
                for (int j = 0; j < a.getColumnDimension(); j++) {
                    out.add(new Entry(scalar ? e._1 : e._1 + "[" + i + "," + j + "]", a.getEntry(i, j), b.getEntry(i, j)));
                }
            }
        }
        return List.ofAll(out);
    }

    /**
     * {@return the largest difference between the two gradients over all entries}: relative to
     * the hand-derived entry, or absolute where that entry is below {@link #TINY}.
     */
    public double largestDifference() {
        return entries().map(Entry::difference).max().getOrElse(0.0);
    }

    /**
     * {@return the entries whose difference exceeds {@code tolerance}}, each as
     * {@code x1 (0.0590860 vs 0.112336, off by 47.4%)}: backprop first, then the hand-derived
     * value, then the difference, relative unless the hand-derived value is tiny
     */
    public Seq<String> disagreements(double tolerance) {
        return entries().filter(e -> e.difference() > tolerance).map(e -> String.format(Locale.ROOT, "%s (%.6g vs %.6g, %s)",
                e.name(), e.backprop(), e.hand(), Math.abs(e.hand()) < TINY
                        ? String.format(Locale.ROOT, "off by %.3g", e.difference())
                        : String.format(Locale.ROOT, "off by %.3g%%", 100 * e.difference())));
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
        for (Entry e : entries()) {
            sb.append(String.format(Locale.ROOT, "  %-10s %-25s %-25s %.1e%n", e.name(), e.backprop(), e.hand(), e.difference()));
        }
        sb.append(String.format(Locale.ROOT, "  largest difference: %.1e%n", largestDifference()));
        return sb.toString();
    }
}
