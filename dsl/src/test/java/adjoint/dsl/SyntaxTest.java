package adjoint.dsl;

import adjoint.eval.Backprop;
import adjoint.expr.BroadcastRows;
import adjoint.expr.MatMul;
import adjoint.expr.Shape;
import java.util.List;
import java.util.Map;
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
                    .hasMessageStartingWith("expected an operator (+ - * / @ ^) or the end, found 'y'; a product is written with *,"
                            + " as in x1*w1 at column 3");
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
        void customOpsHaveNoTextForm() {
            assertThatThrownBy(() -> Syntax.print(new adjoint.fixtures.Fixtures.Twice(new Leaf.Variable("x"))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the text syntax has no twice");
        }
    }

    @Nested
    class Matrices {
        final Map<String, Shape> shapes = Map.of("W", Shape.of(3, 3), "x", Shape.vector(3), "X", Shape.of(4, 3), "b", Shape.of(1, 3));

        @Test
        void theSecondSeedProblemParsesAndDifferentiates() {
            Matrix h = Syntax.parse("sum(sigmoid(W @ x)^2)", shapes);
            Gradient g = Backprop.gradient(h.expr(), Bindings.of("W", new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}})
                    .and("x", new double[] {1, 2, 3}));
            assertThat(g.value()).isEqualTo(2.2176476050544203);
            assertThat(g.matrix("x").getColumn(0)).containsExactly(0.28746968091443026, 0.18495608645965972, 0.08606823439185537);
        }

        @Test
        void aScalarOrARowMeetsAMatrixByRepeating() {
            assertThat(Syntax.parse("2*W + 1", shapes).expr().shape()).isEqualTo(Shape.of(3, 3));
            Expr biased = Syntax.parse("X @ W + b", shapes).expr();
            assertThat(biased).isEqualTo(new Binary(BinaryOp.ADD, new MatMul(new Leaf.Variable("X", Shape.of(4, 3)),
                    new Leaf.Variable("W", Shape.of(3, 3))), new BroadcastRows(new Leaf.Variable("b", Shape.of(1, 3)),
                    Shape.of(4, 3))));
            assertThat(Syntax.parse("softmax_rows(X @ W + b)", shapes).expr().shape()).isEqualTo(Shape.of(4, 3));
            assertThat(Syntax.parse("max(W, 0)", shapes).expr().shape()).isEqualTo(Shape.of(3, 3));
        }

        @Test
        void literalsAreMatricesAndColumns() {
            assertThat(Syntax.value("[[1, 2], [3, 4]]")).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
            assertThat(Syntax.value("[1, 2, 3]")).isDeepEqualTo(new double[][] {{1}, {2}, {3}});
            assertThat(Syntax.value("[[1, 2, 3]]")).isDeepEqualTo(new double[][] {{1, 2, 3}});
            assertThat(Syntax.value("-2.5e-3")).isDeepEqualTo(new double[][] {{-2.5e-3}});
            assertThat(Syntax.value("nan")[0][0]).isNaN();
            assertThat(Syntax.value("-inf")[0][0]).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(Syntax.parse("sum([[1, 2], [3, 4]] * W)", Map.of("W", Shape.of(2, 2))).expr().shape()).isEqualTo(Shape.SCALAR);
        }

        @Test
        void badNumbersAndRowsAreParseErrorsWithTheColumn() {
            assertThatThrownBy(() -> Syntax.value("1e400")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("the number 1e400 is too large for a double at column 1");
            assertThatThrownBy(() -> Syntax.value("0x1p3")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected the end of the value, found 'x' at column 2");
            assertThatThrownBy(() -> Syntax.value("1d")).isInstanceOf(ParseException.class);
            assertThatThrownBy(() -> Syntax.value("[[1, 2], [3]]")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("row 1 has 1 entries, row 0 has 2 at column 10");
            assertThatThrownBy(() -> Syntax.parse("２*x")).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected a number, a name or '(', found '２' at column 1");
        }

        @Test
        void aShapeMismatchIsTheLibrarysMessageAtTheOperator() {
            assertThatThrownBy(() -> Syntax.parse("x @ W", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("matmul: 3x1 times 3x3 (the left's 1 columns must equal the right's 3 rows)")
                    .hasMessageContaining("at column 3");
            assertThatThrownBy(() -> Syntax.parse("X + x", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("add: 4x3 and 3x1 differ").hasMessageContaining("at column 3");
        }

        @Test
        void parseErrorsHintAtTheCommonSlips() {
            assertThatThrownBy(() -> Syntax.parse("x**2", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageContaining("a power is written ^, as in x^2, not **");
            assertThatThrownBy(() -> Syntax.parse("sin(x w)", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("expected ')' to close sin(; a product is written with *");
            assertThatThrownBy(() -> Syntax.parse("x w", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageContaining("a product is written with *");
            assertThatThrownBy(() -> Syntax.parse("X * W", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageContaining("* multiplies entry by entry: for the matrix product 4x3 times 3x3 write @");
            assertThatThrownBy(() -> Syntax.parse("sinn(x)", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageContaining("did you mean 'sin'?");
        }

        @Test
        void aColumnMeetsAMatrixOfItsHeightByRepeating() {
            var centred = Syntax.parse("X - mean_rows(X)", shapes);
            assertThat(centred.expr().shape()).isEqualTo(Shape.of(4, 3));
            assertThat(Syntax.print(centred)).as("the mean is written as the sum it is").isEqualTo("X - sum_rows(X)/3");
            assertThat(Syntax.parse(Syntax.print(centred), shapes).expr()).isEqualTo(centred.expr());
            assertThat(Syntax.parse("W + x", shapes).expr().shape()).isEqualTo(Shape.of(3, 3));
            assertThatThrownBy(() -> Syntax.parse("slice_rows(X, 2, 5)", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("sliceRows: rows 2 to 5 of a 4x3 input (want 0 <= from < to <= 4)")
                    .hasMessageContaining("at column 1");
            assertThatThrownBy(() -> Syntax.parse("reshape(X, 5, 2)", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageStartingWith("reshape: input is 4x3 (12 entries), which cannot be reshaped to 5x2 (10 entries)");
            assertThatThrownBy(() -> Syntax.parse("slice_cols(X, 0, 1.5)", shapes)).isInstanceOf(ParseException.class)
                    .hasMessageContaining("slice_cols's to must be a whole number, 0 or more, written as a number; got 1.5");
        }

        @Test
        void printingWritesMatricesBackSoThatTheyParseAgain() {
            for (String text : List.of("sum(sigmoid(W @ x)^2)", "X @ W + b", "transpose(x) @ W @ x", "trace(W) * 2 + mean(W)",
                    "sum(logsumexp_rows(X)) - sum(softmax_rows(X))", "sum([[1, 0], [0, 1]] * W2)", "sum(broadcast(2, 3, 3) * W)",
                    "norm(reshape(X, 2, 6)) + sum(concat_rows(X, b) @ x)", "sum(slice_cols(concat_cols(X, X), 2, 5) * sum_cols(X))",
                    "sum((X - mean_cols(X))^2) / norm(slice_rows(X, 1, 3))")) {
                Map<String, Shape> s = new java.util.HashMap<>(shapes);
                s.put("W2", Shape.of(2, 2));
                Expr once = Syntax.parse(text, s).expr();
                assertThat(Syntax.parse(Syntax.print(once), s).expr()).as(text + " printed as " + Syntax.print(once)).isEqualTo(once);
            }
            assertThat(Syntax.print(Syntax.parse("X @ W + b", shapes))).isEqualTo("X @ W + b");
        }

        @Test
        void aGraphThatSharesExponentiallyIsRefusedNotPrintedUntilMemoryRunsOut() {
            Scalar x = Adjoint.scalar("x");
            for (int i = 0; i < 100; i++) {
                x = x.plus(x);
            }
            Scalar doubling = x;
            assertThatThrownBy(() -> Syntax.print(doubling)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the text of this expression would exceed the limit of 1000000 characters (Syntax.MAX_TEXT): "
                            + "it has 101 nodes, and the text writes a shared sub-expression out at each of its uses");
        }

        @Test
        void aChainTooLongToWriteIsRefusedForItsLengthNotForSharing() {
            Scalar x = Adjoint.scalar("x");
            for (int i = 0; i < 200_000; i++) {
                x = Adjoint.sin(x);
            }
            Scalar chain = x;
            assertThatThrownBy(() -> Syntax.print(chain)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the text of this expression would exceed the limit of 1000000 characters (Syntax.MAX_TEXT): "
                            + "it has 200001 nodes, too many to write out");
        }

        @Test
        void anyNameAndAnyConstantPrintsSoThatItParsesBack() {
            for (Expr e : List.<Expr>of(new Leaf.Variable("pi"), new Leaf.Variable("sin"), new Leaf.Variable("a b"),
                    new Leaf.Constant(Double.POSITIVE_INFINITY), new Leaf.Constant(Double.NaN), new Leaf.Constant(-0.0),
                    new Leaf.Variable("θ"))) {
                assertThat(Syntax.parse(Syntax.print(e)).expr()).as(Syntax.print(e)).isEqualTo(e);
            }
            assertThat(Syntax.print(new Leaf.Variable("a b"))).isEqualTo("`a b`");
        }
    }
}
