package adjoint.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adjoint.eval.Bindings;
import adjoint.eval.CompiledFunction;
import adjoint.expr.Axis;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Custom;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatMul;
import adjoint.expr.Shape;
import adjoint.expr.Slice;
import adjoint.expr.Sum;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.fixtures.Fixtures;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    static final WireFormat WIRE = WireFormat.standard();

    @Test
    void theSeedReadsBackEqualWithFreshNodesAndTheSameValueBitForBit() {
        String text = WIRE.write(Fixtures.SEED);
        assertThat(text).startsWith("adjoint-expression 1\n0 variable \"x1\" 1 1\n").endsWith("\nroot " + (text.lines().count() - 3) + "\n");
        Expr back = WIRE.read(text);
        assertThat(back).isEqualTo(Fixtures.SEED);
        assertThat(back).isNotSameAs(Fixtures.SEED);
        Bindings at = Bindings.of("x1", 1).and("w1", 2).and("x2", 3).and("w2", 4);
        assertThat(Double.doubleToLongBits(CompiledFunction.of(back).value(at)))
                .isEqualTo(Double.doubleToLongBits(CompiledFunction.of(Fixtures.SEED).value(at)));
        assertThat(WIRE.write(back)).as("written again, the same text").isEqualTo(text);
    }

    @Test
    void numbersAreExactNamesAnyAndStructuralParametersKept() {
        Leaf.Variable odd = new Leaf.Variable("a \"quoted\" \\ name", Shape.of(3, 2));
        RealMatrix m = new Array2DRowRealMatrix(new double[][] {{0.1, -0.0}, {Double.NaN, Double.POSITIVE_INFINITY},
            {Double.NEGATIVE_INFINITY, Double.MIN_VALUE}});
        Expr e = new Sum(new Binary(BinaryOp.ADD, new Slice(new MatMul(odd, new Leaf.Variable("v", Shape.of(2, 2))), Axis.ROWS, 1, 3),
                new Slice(new Leaf.MatrixConstant(m), Axis.ROWS, 0, 2)));
        String text = WIRE.write(e);
        assertThat(text).contains("variable \"a \\\"quoted\\\" \\\\ name\" 3 2").contains("matrix 3 2 0.1 -0.0 NaN Infinity -Infinity 4.9E-324")
                .contains("slice_rows");
        Expr back = WIRE.read(text);
        assertThat(back).isEqualTo(e);
    }

    @Test
    void sharingIsKeptAMillionDeepChainGoesBothWays() {
        Expr x = new Leaf.Variable("x");
        for (int i = 0; i < 100; i++) {
            x = new Binary(BinaryOp.ADD, x, x);
        }
        String doubled = WIRE.write(x);
        assertThat(doubled.lines().count()).as("100 doublings: a variable, 100 sums, header and root").isEqualTo(103);
        assertThat(WIRE.read(doubled)).isEqualTo(x);
        Expr chain = new Leaf.Variable("y");
        for (int i = 0; i < 1_000_000; i++) {
            chain = new Unary(i % 2 == 0 ? UnaryOp.SIN : UnaryOp.TANH, chain);
        }
        Expr back = WIRE.read(WIRE.write(chain));
        assertThat(CompiledFunction.of(back).value(Bindings.of("y", 0.5))).isEqualTo(CompiledFunction.of(chain).value(Bindings.of("y", 0.5)));
    }

    /** A custom op with a parameter, for the registry. */
    public record Scale(Expr a, double factor) implements Custom.Elementwise {
        @Override public String op() { return "scale"; }
        @Override public double apply(double x) { return factor * x; }
        @Override public double derivative(double x, double out) { return factor; }
    }

    @Test
    void aCustomOpIsReadBackByItsRegisteredNameWithItsParameters() {
        Expr e = new Scale(new Leaf.Variable("x"), 2.5);
        String text = WIRE.write(e);
        assertThat(text).contains("1 custom \"scale\" 0 2.5");
        assertThatThrownBy(() -> WIRE.read(text)).isInstanceOf(WireFormatException.class)
                .hasMessage("line 3: custom op 'scale' is not registered: register its record class with WireFormat.withCustom(\"scale\", ...)");
        Expr back = WIRE.withCustom("scale", Scale.class).read(text);
        assertThat(back).isEqualTo(e);
        assertThatThrownBy(() -> WIRE.withCustom("scale", Scale.class).withCustom("scale", Scale.class))
                .hasMessageContaining("registered already");
    }

    @Test
    void badTextIsAnErrorNamingTheLine() {
        String ok = "adjoint-expression 1\n0 variable \"x\" 1 1\n1 sin 0\nroot 1\n";
        assertThat(WIRE.read(ok)).isEqualTo(new Unary(UnaryOp.SIN, new Leaf.Variable("x")));
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 2\n")).hasMessage(
                "line 1: version 2 is not supported; this reader reads version 1");
        assertThatThrownBy(() -> WIRE.read("hello\n")).hasMessage("line 1: expected 'adjoint-expression 1', found 'hello'");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 1 1\n1 sin 0\n")).hasMessage(
                "line 4: expected 'root N' as the last line: the text is truncated after 2 nodes");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 1 1\n1 sine 0\nroot 1\n")).hasMessageStartingWith(
                "line 3: unknown op 'sine'");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 1 1\n1 mul 0\nroot 1\n")).hasMessage(
                "line 3: expected an input's node number, found the end of the line");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 1 1\n1 sin 0 0\nroot 1\n")).hasMessage(
                "line 3: expected the end of the line, found '0'");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 sin 1\n1 variable \"x\" 1 1\nroot 1\n")).hasMessage(
                "line 2: input 1 is not a node defined above (nodes 0 to -1 are): inputs come before their users");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 constant 0x1p3\nroot 0\n")).hasMessage(
                "line 2: expected a number (a decimal, NaN, Infinity or -Infinity), found '0x1p3'");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 2 1\n1 variable \"y\" 3 1\n2 add 0 1\nroot 2\n"))
                .isInstanceOf(WireFormatException.class).hasMessageStartingWith("line 4: add: ");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 1 1\n2 sin 0\nroot 1\n")).hasMessage(
                "line 3: expected node number 1, found '2'");
        assertThatThrownBy(() -> WIRE.read("adjoint-expression 1\n0 variable \"x\" 1 1\n1 sin 0\nroot 0\n")).hasMessage(
                "line 4: the root is node 0, but the last node is 1");
        assertThat(List.of(new WireFormatException(7, "x").line())).containsExactly(7);
    }
}
