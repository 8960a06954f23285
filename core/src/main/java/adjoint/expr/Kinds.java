package adjoint.expr;

import java.util.Arrays;
import java.util.List;

/**
 * The structural kinds, read once from {@link Structural}'s {@code permits} list: each permitted
 * record declares a public static {@code Structural.Kind KIND}, or a {@code List<Structural.Kind>
 * KINDS} for a record of two (rows and columns). A holder of its own, so that loading a record
 * does not read its own kinds before they are set.
 */
final class Kinds {

    /** Every kind, in the order of the {@code permits} list. */
    static final List<Structural.Kind> ALL = Arrays.stream(Structural.class.getPermittedSubclasses())
            .flatMap(c -> of(c).stream()).toList();

    private Kinds() {}

    /** {@return the kinds of one permitted record} */
    @SuppressWarnings("unchecked")
    static List<Structural.Kind> of(Class<?> type) {
        try {
            for (java.lang.reflect.Field f : type.getFields()) {
                if (f.getName().equals("KINDS")) {
                    return (List<Structural.Kind>) f.get(null);
                }
            }
            return List.of((Structural.Kind) type.getField("KIND").get(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " declares no public static Structural.Kind KIND", e);
        }
    }
}
