package adjoint.expr;

import java.util.Arrays;
import java.util.List;

/**
 * The structural kinds, read once from {@link Structural}'s {@code permits} list: each permitted
 * record declares a public static {@code Structural.Kind KIND}. A holder of its own, so that
 * loading a record does not read its own {@code KIND} before it is set.
 */
final class Kinds {

    /** Every kind, in the order of the {@code permits} list. */
    static final List<Structural.Kind> ALL = Arrays.stream(Structural.class.getPermittedSubclasses()).map(Kinds::of).toList();

    private Kinds() {}

    private static Structural.Kind of(Class<?> type) {
        try {
            return (Structural.Kind) type.getField("KIND").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " declares no public static Structural.Kind KIND", e);
        }
    }
}
