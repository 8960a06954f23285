package adjoint.properties;

import static adjoint.properties.Theories.qt;

import adjoint.eval.CompiledFunction;
import adjoint.expr.Expr;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import adjoint.testkit.Laws;
import adjoint.testkit.Sample;
import adjoint.wire.WireFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The wire form: what is written reads back equal, with the same value bit for bit, and writes the same text again. */
class WireProperties {

    static final Coverage SCALAR = new Coverage();
    static final Coverage MATRIX = new Coverage();
    static final WireFormat WIRE = WireFormat.standard();

    @AfterAll
    static void report() {
        System.out.println("[WireProperties] seed " + Theories.SEED + ", write and read, scalar: " + SCALAR.summary());
        System.out.println("[WireProperties] write and read, matrix: " + MATRIX.summary());
    }

    @Test
    void aScalarExpressionReadsBackEqual() {
        qt().forAll(Expressions.scalar().samples()).checkAssert(s -> {
            SCALAR.record(s);
            roundTrip(s);
        });
    }

    @Test
    void aMatrixExpressionReadsBackEqual() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            MATRIX.record(s);
            roundTrip(s);
        });
    }

    static void roundTrip(Sample s) {
        String text = WIRE.write(s.expression());
        Expr back = WIRE.read(text);
        if (!back.equals(s.expression())) {
            throw new AssertionError("read back as " + back + " from\n" + text + "for " + s);
        }
        if (!WIRE.write(back).equals(text)) {
            throw new AssertionError("written again differently:\n" + WIRE.write(back) + "\nfrom\n" + text);
        }
        var vars = Laws.variables(s.point());
        double before = CompiledFunction.of(s.expression(), vars).value(s.point());
        double after = CompiledFunction.of(back, vars).value(s.point());
        if (Double.doubleToLongBits(before) != Double.doubleToLongBits(after)) {
            throw new AssertionError("the value was " + before + " and is " + after + " read back, for " + s);
        }
    }
}
