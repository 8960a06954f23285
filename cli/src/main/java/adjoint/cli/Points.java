package adjoint.cli;

import adjoint.eval.Bindings;

/** Points written as {@code name=value} pairs separated by commas: {@code x1=1,w1=2.5,theta=-1e-3}. */
final class Points {

    private Points() {}

    /**
     * {@return the bindings the text gives}
     *
     * @throws IllegalArgumentException naming the pair that is malformed
     */
    static Bindings parse(String text) {
        Bindings b = Bindings.empty();
        if (text.isBlank()) {
            throw new IllegalArgumentException("--at is empty: give name=value pairs separated by commas, such as x=1,w=2");
        }
        for (String pair : text.split(",", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? "" : pair.substring(0, eq).strip();
            String value = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*") || value.isEmpty()) {
                throw new IllegalArgumentException("malformed --at pair '" + pair.strip() + "': expected name=value, such as x=1");
            }
            if (b.contains(name)) {
                throw new IllegalArgumentException("--at gives " + name + " twice");
            }
            try {
                b = b.and(name, Double.parseDouble(value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("malformed --at value for " + name + ": '" + value + "' is not a number");
            }
        }
        return b;
    }
}
