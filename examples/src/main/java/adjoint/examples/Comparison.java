package adjoint.examples;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** Checks that both gradients name the same variables, and keeps them in their order. */
    public Comparison {
        Objects.requireNonNull(title, "title is null");
        Objects.requireNonNull(backprop, "backprop is null");
        Objects.requireNonNull(hand, "hand is null");
        if (!backprop.keySet().equals(hand.keySet())) {
            throw new IllegalArgumentException("backprop has " + backprop.keySet() + " but hand has " + hand.keySet());
        }
        backprop = Collections.unmodifiableMap(new LinkedHashMap<>(backprop));
        hand = Collections.unmodifiableMap(new LinkedHashMap<>(hand));
    }

    /**
     * {@return gradients by variable, in the order given}
     *
     * @param entries each a variable's name and its gradient, as {@code Map.entry("x1", m)}
     */
    @SafeVarargs
    public static Map<String, RealMatrix> gradients(Map.Entry<String, RealMatrix>... entries) {
        Map<String, RealMatrix> out = new LinkedHashMap<>();
        for (Map.Entry<String, RealMatrix> e : entries) {
            out.put(e.getKey(), e.getValue());
        }
        return out;
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
        List<Entry> out = new ArrayList<>();
        for (var e : backprop.entrySet()) {
            RealMatrix a = e.getValue();
            RealMatrix b = hand.get(e.getKey());
            boolean scalar = a.getRowDimension() == 1 && a.getColumnDimension() == 1;
            for (int i = 0; i < a.getRowDimension(); i++) {
                for (int j = 0; j < a.getColumnDimension(); j++) {
                    out.add(new Entry(scalar ? e.getKey() : e.getKey() + "[" + i + "," + j + "]", a.getEntry(i, j), b.getEntry(i, j)));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@return the largest difference between the two gradients over all entries}: relative to
     * the hand-derived entry, or absolute where that entry is below {@link #TINY}.
     */
    public double largestDifference() {
        return entries().stream().mapToDouble(Entry::difference).max().orElse(0.0);
    }

    /**
     * {@return the entries whose difference exceeds {@code tolerance}}, each as
     * {@code x1 (0.0590860 vs 0.112336, off by 47.4%)}: backprop first, then the hand-derived
     * value, then the difference, relative unless the hand-derived value is tiny
     */
    public List<String> disagreements(double tolerance) {
        return entries().stream().filter(e -> e.difference() > tolerance).map(e -> String.format(Locale.ROOT, "%s (%.6g vs %.6g, %s)",
                e.name(), e.backprop(), e.hand(), Math.abs(e.hand()) < TINY
                        ? String.format(Locale.ROOT, "off by %.3g", e.difference())
                        : String.format(Locale.ROOT, "off by %.3g%%", 100 * e.difference()))).toList();
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
