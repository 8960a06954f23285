package adjoint.check;

import java.util.Locale;

/**
 * One gradient entry compared: backprop against finite differences.
 *
 * @param entry which entry: a scalar variable's name, or {@code W[1,2]} for a matrix entry
 * @param backprop the value backprop gave
 * @param numeric the finite-difference estimate
 * @param numericError the estimate's own estimated error
 * @param error {@code |backprop - numeric|}
 * @param status the verdict
 */
public record EntryCheck(String entry, double backprop, double numeric, double numericError, double error, Status status) {

    /** {@return the entry as one aligned line of text} */
    public String render() {
        return String.format(Locale.ROOT, "%-12s %-24s %-24s %-9.2e %s", entry, backprop, numeric, error, status);
    }

    /** {@return the header that goes with {@link #render()}} */
    public static String header() {
        return String.format(Locale.ROOT, "%-12s %-24s %-24s %-9s %s", "entry", "backprop", "numeric", "error", "status");
    }
}
