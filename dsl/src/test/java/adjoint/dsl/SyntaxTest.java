package adjoint.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import adjoint.eval.Bindings;
import adjoint.eval.Gradient;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Unary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SyntaxTest {

    static double eval(String text, Bindings at) {
        return Syntax.parse(text).value(at);
    }

    static double eval(String text) {
        return eval(text, Bindings.empty());
    }

    @Nested
    class Parsing {
        @Test
        void theSeedParsesAndGivesTheSeedNumbers() {
            Scalar f = Syntax.parse("1 / (2 + sin(x1*w1)^2 + cos(x2*w2))");
            Gradient g = f.gradient(Bindings.of("x1", 1).and("w1", 2).and("x2", 3).and("w2", 4));
            assertThat(g.value()).isEqualTo(0.27242940071159427);
            assertThat(g.scalar("x1")).isCloseTo(0.11233639973639942, within(1e-16));
        }

        @Test
        void powersAreRightAssociativeAndTighterThanUnaryMinus() {
            assertThat(eval("2^3^2")).isEqualTo(512);
            assertThat(eval("-x^2", Bindings.of("x", 3))).isEqualTo(-9);
            assertThat(eval("-2^2")).isEqualTo(-4);
            assertThat(eval("(-2)^2")).isEqualTo(4);
            assertThat(eval("2^-1")).isEqualTo(0.5);
            assertThat(eval("x^-2", Bindings.of("x", 2))).isEqualTo(0.25);
        }

        @Test
        void arithmeticFollowsTheUsualPrecedence() {
            assertThat(eval("1 + 2 * 3 - 4 / 2")).isEqualTo(5);
            assertThat(eval("(1 + 2) * 3")).isEqualTo(9);
            assertThat(eval("8 / 4 / 2")).isEqualTo(1);
            assertThat(eval("10 - 4 - 3")).isEqualTo(3);
            assertThat(eval("2 * -3")).isEqualTo(-6);
            assertThat(eval("--2")).isEqualTo(2);
        }

        @Test
        void numbersConstantsAndNames() {
            assertThat(eval("1e-3 + .5 + 2.5E2")).isEqualTo(250.501);
            assertThat(eval("pi")).isEqualTo(Math.PI);
            assertThat(eval("e")).isEqualTo(Math.E);
            assertThat(eval("theta_2 * w1", Bindings.of("theta_2", 2).and("w1", 3))).isEqualTo(6);
        }

        @Test
        void everyOpOfTheTablesByName() {
            for (UnaryOp op : UnaryOp.values()) {
                assertThat(Syntax.parse(op.syntax() + "(x)").expr()).as(op.syntax()).isEqualTo(new Unary(op, new Leaf.Variable("x")));
            }
            for (BinaryOp op : BinaryOp.values()) {
                Expr e = new Binary(op, new Leaf.Variable("x"), new Leaf.Variable("y"));
                assertThat(Syntax.parse(Syntax.print(e)).expr()).as(op.syntax()).isEqualTo(e);
            }
            assertThat(Syntax.functions()).contains("sin", "erf", "neg").doesNotContain("add", "mul");
        }

        @Test
        void aCallWithTheWrongNumberOfArgumentsSaysHowManyItTakes() {
            assertThatThrownBy(() -> Syntax.parse("sin(x, y)")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("sin takes 1 argument, got 2");
        }

        @Test
        void everyExponentMakesAPowerAndANumberPrintsBare() {
            Leaf.Variable x = new Leaf.Variable("x");
            assertThat(Syntax.parse("x^2").expr()).isEqualTo(new Binary(BinaryOp.POW, x, new Leaf.Constant(2)));
            assertThat(Syntax.parse("x^-0.5").expr()).isEqualTo(Exprs.pow(x, -0.5));
            assertThat(Syntax.parse("x^(2)").expr()).isEqualTo(Syntax.parse("x^2").expr());
            assertThat(Syntax.print(Exprs.pow(x, -0.5))).isEqualTo("x^-0.5");
            assertThat(Syntax.parse("-2").expr()).isEqualTo(new Leaf.Constant(-2));
            assertThat(Syntax.parse("-(2)").expr()).isEqualTo(new Unary(UnaryOp.NEG, new Leaf.Constant(2)));
        }
    }

    @Nested
    class Errors {
        @Test
        void aMissingParenthesisGivesTheColumnACaretAndWhatWasExpected() {
            ParseException e = catchThrowableOfType(ParseException.class, () -> Syntax.parse("sin(x*w"));
            assertThat(e.column()).isEqualTo(8);
            assertThat(e).hasMessage("expected ')' to close sin( at column 8\n  sin(x*w\n         ^");
            assertThat(e.summary()).isEqualTo("expected ')' to close sin( at column 8");
        }

        @Test
        void unexpectedCharacters() {
            assertThatThrownBy(() -> Syntax.parse("x + * y")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected a number, a name or '(', found '*' at column 5");
            assertThatThrownBy(() -> Syntax.parse("x y")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected an operator (+ - * / ^) or the end, found 'y' at column 3");
            assertThatThrownBy(() -> Syntax.parse("")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected an expression at column 1");
            assertThatThrownBy(() -> Syntax.parse("2 +")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected a number, a name or '(', found the end at column 4");
            assertThatThrownBy(() -> Syntax.parse("sin + 1")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected '(' after the function sin at column 5");
        }

        @Test
        void anUnknownFunctionSuggestsTheNearest() {
            assertThatThrownBy(() -> Syntax.parse("1 + sinn(x)")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("unknown function 'sinn'; did you mean 'sin'? at column 5");
            assertThatThrownBy(() -> Syntax.parse("sigmod(x)")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("unknown function 'sigmod'; did you mean 'sigmoid'?");
            assertThatThrownBy(() -> Syntax.parse("frobnicate(x)")).isInstanceOf(ParseException.class)
                    .hasMessageContaining("known: " + String.join(", ", Syntax.functions()));
        }

        @Test
        void deepNestingIsAParseErrorNotAStackOverflow() {
            String deep = "(".repeat(100_000) + "x" + ")".repeat(100_000);
            assertThatThrownBy(() -> Syntax.parse(deep)).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("nested more than 500 deep");
            assertThat(eval("(".repeat(200) + "x" + ")".repeat(200), Bindings.of("x", 1))).isEqualTo(1);
        }
    }

    @Nested
    class Printing {
        @Test
        void printingAndParsingGivesTheSameExpression() {
            String[] texts = {"1/(2 + sin(x1*w1)^2 + cos(x2*w2))", "-x^2", "2^3^2", "(a + b)*(c - d)/(e1 - -f)",
                "a - (b - c)", "a/(b*c)", "(x^2)^3", "x^(y + 1)", "-(2)", "x^(2)", "-2 + exp(-x)", "a*(b*c)", "a + (b + c)"};
            for (String t : texts) {
                Scalar once = Syntax.parse(t);
                String printed = Syntax.print(once);
                assertThat(Syntax.parse(printed)).as("%s printed as %s", t, printed).isEqualTo(once);
            }
            assertThat(Syntax.print(Syntax.parse("1 / (2 + sin(x1*w1)^2 + cos(x2*w2))"))).isEqualTo("1/(2 + sin(x1*w1)^2 + cos(x2*w2))");
        }

        @Test
        void matrixOpsHaveNoTextForm() {
            assertThatThrownBy(() -> Syntax.print(Adjoint.sum(Adjoint.matrix("W", 2, 2))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the text syntax has no sum");
        }
    }
}
