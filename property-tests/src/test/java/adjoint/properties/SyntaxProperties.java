package adjoint.properties;

import adjoint.eval.CompiledFunction;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Shape;
import static adjoint.properties.Theories.qt;

import adjoint.dsl.Scalar;
import adjoint.dsl.Syntax;
import adjoint.expr.Binary;
import adjoint.expr.Unary;
import adjoint.testkit.CoreOps;
import adjoint.testkit.Coverage;
import adjoint.testkit.Expressions;
import adjoint.testkit.OpSpec;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The text syntax: what is printed parses back to the same expression. */
class SyntaxProperties {

    static final Coverage ROUND_TRIPS = new Coverage();
    static final Coverage MATRIX_ROUND_TRIPS = new Coverage();

    /** The elementwise ops: expressions of them are scalars all through, so they parse back without shapes. */
    static final Seq<OpSpec> TEXT_OPS = CoreOps.all().filter(s -> Unary.class.isAssignableFrom(s.type())
            || Binary.class.isAssignableFrom(s.type()));

    @AfterAll
    static void report() {
        System.out.println("[SyntaxProperties] seed " + Theories.SEED + ", print and parse: " + ROUND_TRIPS.summary());
        System.out.println("[SyntaxProperties] print and parse with shapes: " + MATRIX_ROUND_TRIPS.summary());
    }

    @Test
    void parsingThenPrintingThenParsingGivesTheSameExpression() {
        qt().forAll(Expressions.scalar().withOnly(TEXT_OPS).samples()).checkAssert(s -> {
            ROUND_TRIPS.record(s);
            String text = Syntax.print(s.expression());
            Scalar once = Syntax.parse(text);
            Scalar twice = Syntax.parse(Syntax.print(once));
            if (!once.equals(twice) || !once.expr().equals(s.expression())) {
                throw new AssertionError("printed " + s + " as " + text + ", which parses to " + once + ", and again to " + twice);
            }
        });
    }

    @Test
    void printingThenParsingAMatrixExpressionWithItsShapesGivesItBack() {
        qt().forAll(Expressions.matrix().samples()).checkAssert(s -> {
            MATRIX_ROUND_TRIPS.record(s);
            java.util.Map<String, Shape> shapes = new java.util.HashMap<>();
            for (Leaf.Variable v : CompiledFunction.of(s.expression()).parameters()) {
                shapes.put(v.name(), v.shape());
            }
            String text = Syntax.print(s.expression());
            Expr back = Syntax.parse(text, shapes).expr();
            if (!back.equals(s.expression())) {
                throw new AssertionError("printed " + s + " as " + text + ", which parses to " + back);
            }
        });
    }
}
