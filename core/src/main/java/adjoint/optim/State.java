package adjoint.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a run of an {@link Optimizer} stands: the steps it has taken and its moments (Adam's
 * first and second, SGD's velocity), so that a saved run resumes exactly where it stopped
 * ({@link Optimizer#resume}). Immutable: the arrays are copied in and out.
 *
 * @param steps the steps taken, 0 or more
 * @param moments the optimizer's moments, each as many entries as a point
 */
public record State(int steps, List<double[]> moments) {

    /** Checks and copies the parts. */
    public State {
        if (steps < 0) {
            throw new IllegalArgumentException("steps is " + steps + ", expected 0 or more");
        }
        List<double[]> copies = new ArrayList<>();
        for (double[] m : Objects.requireNonNull(moments, "moments is null")) {
            copies.add(Objects.requireNonNull(m, "a moment is null").clone());
        }
        moments = List.copyOf(copies);
    }

    /** {@return the moments, each a new array} */
    @Override
    public List<double[]> moments() {
        return moments.stream().map(double[]::clone).toList();
    }

    /** {@return the number of entries of a point, from the first moment; 0 if there is none} */
    public int dimension() {
        return moments.isEmpty() ? 0 : moments.get(0).length;
    }

    /** {@return whether the two states hold the same steps and the same moments, entry by entry} */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof State s) || s.steps != steps || s.moments.size() != moments.size()) {
            return false;
        }
        for (int k = 0; k < moments.size(); k++) {
            if (!java.util.Arrays.equals(moments.get(k), s.moments.get(k))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = steps;
        for (double[] m : moments) {
            h = 31 * h + java.util.Arrays.hashCode(m);
        }
        return h;
    }

    /** {@return the steps and the moments' sizes} */
    @Override
    public String toString() {
        return "State[steps=" + steps + ", " + moments.size() + " moments of " + dimension() + " entries]";
    }
}
