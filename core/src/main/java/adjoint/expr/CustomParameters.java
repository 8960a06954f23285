package adjoint.expr;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/** The parameters of a custom op that is a record: its components that are not inputs. */
final class CustomParameters {

    private CustomParameters() {}

    /** {@return the values of the record's components whose type is not {@code Expr}, in order; none for a class} */
    static Object[] of(Custom op) {
        if (!op.getClass().isRecord()) {
            return new Object[0];
        }
        List<Object> values = new ArrayList<>();
        for (RecordComponent c : op.getClass().getRecordComponents()) {
            if (Expr.class.isAssignableFrom(c.getType())) {
                continue;
            }
            try {
                c.getAccessor().setAccessible(true);
                values.add(c.getAccessor().invoke(op));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new CustomOpException(op.op() + ": cannot read the component " + c.getName() + " of "
                        + op.getClass().getName() + " to compare it; override Custom.sameOp and opHash", e);
            }
        }
        return values.toArray();
    }
}
