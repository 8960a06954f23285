package adjoint.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Term;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DSL's static functions are the one place an op of the tables is written by hand (they are
 * kept for autocompletion): this test names every op that lacks one, and checks that each
 * builds its own op.
 */
class OpTableTest {

    static final Scalar X = Adjoint.scalar("x");
    static final Scalar Y = Adjoint.scalar("y");
    static final Matrix M = Adjoint.matrix("m", 2, 3);
    static final Matrix N = Adjoint.matrix("n", 2, 3);

    @Test
    void everyOpOfTheTablesHasItsDslFunctions() {
        List<String> missing = new ArrayList<>();
        for (UnaryOp op : UnaryOp.values()) {
            check(missing, "UnaryOp." + op, op.syntax(), new Unary(op, X.expr()), X);
            check(missing, "UnaryOp." + op, op.syntax(), new Unary(op, M.expr()), M);
        }
        for (BinaryOp op : BinaryOp.values()) {
            if (op.isCall()) {
                check(missing, "BinaryOp." + op, op.syntax(), new Binary(op, X.expr(), Y.expr()), X, Y);
                check(missing, "BinaryOp." + op, op.syntax(), new Binary(op, M.expr(), N.expr()), M, N);
            }
        }
        assertThat(missing).as("ops of the tables without their DSL functions in dsl/src/main/java/adjoint/dsl/Adjoint.java")
                .isEmpty();
    }

    private static void check(List<String> missing, String op, String name, Expr expected, Term... args) {
        Class<?>[] types = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            types[i] = args[i].getClass();
        }
        String signature = "Adjoint." + name + "(" + String.join(", ", java.util.Arrays.stream(types).map(Class::getSimpleName)
                .toList()) + ")";
        Method m;
        try {
            m = Adjoint.class.getMethod(name, types);
        } catch (NoSuchMethodException e) {
            missing.add(op + ": no public static " + signature);
            return;
        }
        if (!Modifier.isStatic(m.getModifiers()) || m.getReturnType() != types[0]) {
            missing.add(op + ": " + signature + " should be static and return " + types[0].getSimpleName());
            return;
        }
        try {
            Term built = (Term) m.invoke(null, (Object[]) args);
            if (!built.expr().equals(expected)) {
                missing.add(op + ": " + signature + " builds " + built.expr() + ", not " + expected);
            }
        } catch (ReflectiveOperationException e) {
            missing.add(op + ": " + signature + " failed: " + e.getCause());
        }
    }
}
