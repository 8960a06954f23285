package adjoint.show;

import static adjoint.fixtures.Fixtures.X1;
import static adjoint.fixtures.Fixtures.W1;
import static adjoint.fixtures.Fixtures.X2;
import static adjoint.fixtures.Fixtures.W2;
import static adjoint.fixtures.Fixtures.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Exprs;
import adjoint.expr.BinaryOp;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.Broadcast;
import adjoint.expr.MatMul;
import adjoint.expr.MatrixTrace;
import adjoint.expr.Sum;
import adjoint.expr.Transpose;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormulaTest {

    static final Variable A = new Variable("a");
    static final Variable B = new Variable("b");
    static final Variable C = new Variable("c");

    @Nested
    class WhatAStudentCopies {
        @Test
        void namedConstantsStaySymbolic() {
            Expr dErf = adjoint.symbolic.Symbolic.derivative(new Unary(UnaryOp.ERF, A), A);
            assertThat(Formula.unicode(dErf)).isEqualTo("2/√π·exp(−a²)");
            assertThat(Formula.latex(dErf)).isEqualTo("\\frac{2}{\\sqrt{\\pi}} \\cdot \\exp\\left(-a^{2}\\right)");
            assertThat(Formula.unicode(new Binary(BinaryOp.ADD, A, new Constant(-Math.PI)))).isEqualTo("a + −π");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, new Constant(Math.E), A))).isEqualTo("e·a");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, new Constant(3.14159), A))).isEqualTo("3.14159·a");
        }

        @Test
        void aStepIsWrittenWithIversonsBracket() {
            Expr dRelu = adjoint.symbolic.Symbolic.derivative(new Unary(UnaryOp.RELU, A), A);
            assertThat(Formula.unicode(dRelu)).isEqualTo("[a > 0]");
            assertThat(Formula.latex(dRelu)).isEqualTo("\\left[a > 0\\right]");
            assertThat(Formula.unicode(new Binary(BinaryOp.GATE, B, new Binary(BinaryOp.SUB, A, C)))).isEqualTo("b·[a − c > 0]");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, new Binary(BinaryOp.GATE, B, A), C))).isEqualTo("b·[a > 0]·c");
        }

        @Test
        void aConstantFactorIsWrittenFirst() {
            Expr rosenbrock = new Binary(BinaryOp.ADD, new Unary(UnaryOp.SQUARE, new Binary(BinaryOp.SUB, new Constant(1), A)),
                    new Binary(BinaryOp.MUL, new Unary(UnaryOp.SQUARE, new Binary(BinaryOp.SUB, B, new Unary(UnaryOp.SQUARE, A))),
                            new Constant(100)));
            assertThat(Formula.unicode(rosenbrock)).isEqualTo("(1 − a)² + 100·(b − a²)²");
            assertThat(Formula.latex(rosenbrock)).endsWith("100 \\cdot \\left(b - a^{2}\\right)^{2}");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, new Binary(BinaryOp.ADD, A, B), new Constant(-2))))
                    .isEqualTo("(−2)·(a + b)");
        }
    }

    @Nested
    class Unicode {
        @Test
        void theSeedReadsAsOnPaper() {
            assertThat(Formula.unicode(SEED)).isEqualTo("1/(2 + sin²(x₁·w₁) + cos(x₂·w₂))");
        }

        @Test
        void parenthesesOnlyWherePrecedenceNeedsThem() {
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, new Binary(BinaryOp.ADD, A, B), C))).isEqualTo("(a + b)·c");
            assertThat(Formula.unicode(new Binary(BinaryOp.ADD, A, new Binary(BinaryOp.MUL, B, C)))).isEqualTo("a + b·c");
            assertThat(Formula.unicode(new Binary(BinaryOp.SUB, A, new Binary(BinaryOp.SUB, B, C)))).isEqualTo("a − (b − c)");
            assertThat(Formula.unicode(new Binary(BinaryOp.SUB, new Binary(BinaryOp.SUB, A, B), C))).isEqualTo("a − b − c");
            assertThat(Formula.unicode(new Binary(BinaryOp.DIV, A, new Binary(BinaryOp.MUL, B, C)))).isEqualTo("a/(b·c)");
            assertThat(Formula.unicode(new Binary(BinaryOp.DIV, new Binary(BinaryOp.MUL, A, B), C))).isEqualTo("a·b/c");
            assertThat(Formula.unicode(new Unary(UnaryOp.NEG, Exprs.pow(A, 2)))).isEqualTo("−a²");
            assertThat(Formula.unicode(Exprs.pow(new Unary(UnaryOp.NEG, A), 2))).isEqualTo("(−a)²");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, A, new Unary(UnaryOp.NEG, B)))).isEqualTo("a·(−b)");
            assertThat(Formula.unicode(Exprs.pow(new Binary(BinaryOp.ADD, A, B), -1))).isEqualTo("(a + b)⁻¹");
            assertThat(Formula.unicode(Exprs.pow(A, 1.5))).isEqualTo("a^1.5");
            assertThat(Formula.unicode(new Binary(BinaryOp.POW, A, new Binary(BinaryOp.ADD, B, C)))).isEqualTo("a^(b + c)");
            assertThat(Formula.unicode(new Unary(UnaryOp.SQRT, new Binary(BinaryOp.ADD, A, B)))).isEqualTo("√(a + b)");
            assertThat(Formula.unicode(new Unary(UnaryOp.ABS, new Binary(BinaryOp.SUB, A, B)))).isEqualTo("|a − b|");
            assertThat(Formula.unicode(new Binary(BinaryOp.ADD, A, new Constant(-2)))).isEqualTo("a + −2");
        }

        @Test
        void matricesUseTheirOwnSymbols() {
            Variable w = new Variable("W", Shape.of(3, 3));
            Variable x = new Variable("x", Shape.vector(3));
            Expr h = new Sum(new Unary(UnaryOp.SQUARE, new Unary(UnaryOp.SIGMOID, new MatMul(w, x))));
            assertThat(Formula.unicode(h)).isEqualTo("sum(σ(W·x)²)");
            assertThat(Formula.unicode(new MatrixTrace(new MatMul(new Transpose(w), w))))
                    .isEqualTo("tr(Wᵀ·W)");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, x, new Broadcast(new Binary(BinaryOp.ADD, A, B), Shape.vector(3)))))
                    .isEqualTo("x ⊙ (a + b)");
        }

        @Test
        void aMillionDeepChainPrintsCut() {
            Expr e = X1;
            for (int i = 0; i < 1_000_000; i++) {
                e = new Unary(UnaryOp.SIN, e);
            }
            assertThat(Formula.unicode(e)).hasSize(Formula.MAX_LENGTH + 1).startsWith("sin(sin(").endsWith("…");
        }
    }

    @Nested
    class Latex {
        @Test
        void theSeedReadsAsOnPaper() {
            assertThat(Formula.latex(SEED)).isEqualTo(
                    "\\frac{1}{2 + \\sin^{2}\\left(x_{1} \\cdot w_{1}\\right) + \\cos\\left(x_{2} \\cdot w_{2}\\right)}");
        }

        @Test
        void namesAndMatrices() {
            Variable theta = new Variable("theta_2");
            assertThat(Formula.latex(new Unary(UnaryOp.EXP, theta))).isEqualTo("\\exp\\left(\\mathit{theta}_{2}\\right)");
            Variable w = new Variable("W", Shape.of(2, 2));
            assertThat(Formula.latex(new Transpose(w))).isEqualTo("W^{\\top}");
            assertThat(Formula.latex(new Binary(BinaryOp.MUL, new Binary(BinaryOp.ADD, A, B), C)))
                    .isEqualTo("\\left(a + b\\right) \\cdot c");
        }
    }

    @Nested
    class Mathml {
        static final String MATH = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\">";

        @Test
        void theSeedIsAFractionWithItsSquareOnTheSine() {
            assertThat(Formula.mathml(SEED)).startsWith(MATH + "<mrow><mfrac><mn>1</mn><mrow>").endsWith("</mfrac></mrow></math>")
                    .contains("<msup><mi>sin</mi><mn>2</mn></msup><mo>(</mo><mrow><msub><mi>x</mi><mn>1</mn></msub><mo>·</mo>"
                            + "<msub><mi>w</mi><mn>1</mn></msub></mrow><mo>)</mo>");
        }

        @Test
        void rootsPowersTransposesAndNegativeConstants() {
            assertThat(Formula.mathml(new Unary(UnaryOp.SQRT, A))).isEqualTo(MATH + "<mrow><msqrt><mi>a</mi></msqrt></mrow></math>");
            assertThat(Formula.mathml(new Binary(BinaryOp.POW, A, B)))
                    .isEqualTo(MATH + "<mrow><msup><mi>a</mi><mi>b</mi></msup></mrow></math>");
            assertThat(Formula.mathml(new Binary(BinaryOp.POW, new Binary(BinaryOp.ADD, A, B), new Constant(-1))))
                    .isEqualTo(MATH + "<mrow><msup><mrow><mo>(</mo><mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow><mo>)</mo></mrow>"
                            + "<mrow><mo>−</mo><mn>1</mn></mrow></msup></mrow></math>");
            assertThat(Formula.mathml(new Transpose(new Variable("W", Shape.of(2, 3)))))
                    .isEqualTo(MATH + "<mrow><msup><mrow><mi>W</mi></mrow><mrow><mi>T</mi></mrow></msup></mrow></math>");
            assertThat(Formula.mathml(new Binary(BinaryOp.ADD, A, new Constant(-2.5))))
                    .as("as in Unicode, a + −2.5").isEqualTo(MATH + "<mrow><mi>a</mi><mo>+</mo><mrow><mo>−</mo><mn>2.5</mn></mrow></mrow></math>");
        }

        @Test
        void namesAreSubscriptedAndEscaped() {
            assertThat(Formula.mathml(new Variable("theta_2"))).isEqualTo(MATH + "<msub><mi>theta</mi><mn>2</mn></msub></math>");
            assertThat(Formula.mathml(new Variable("m0_1x2"))).isEqualTo(MATH + "<msub><mi>m0_1x</mi><mn>2</mn></msub></math>");
            assertThat(Formula.mathml(new Variable("a<b"))).isEqualTo(MATH + "<mi>a&lt;b</mi></math>");
        }

        @Test
        void aMillionDeepChainIsCutToText() {
            Expr e = X1;
            for (int i = 0; i < 1_000_000; i++) {
                e = new Unary(UnaryOp.SIN, e);
            }
            assertThat(Formula.mathml(e)).startsWith(MATH + "<mtext>sin(sin(").endsWith("…</mtext></math>");
        }

        @Test
        void theTraceWritesANodeAsAnEquation() {
            Expr quotient = new Binary(BinaryOp.DIV, A, B);
            assertThat(Formula.equation("n7", quotient, Formula.Style.MATHML, x -> x == B ? "n6" : null, 200))
                    .isEqualTo(MATH + "<mrow><msub><mi>n</mi><mn>7</mn></msub><mo>=</mo><mrow><mfrac><mi>a</mi>"
                            + "<msub><mi>n</mi><mn>6</mn></msub></mfrac></mrow></mrow></math>");
            assertThat(Formula.equation("n7", quotient, Formula.Style.UNICODE, x -> x == B ? "n6" : null, 200)).isEqualTo("n7 = a/n6");
            assertThat(Formula.equation("n7", quotient, Formula.Style.LATEX, x -> null, 200)).isEqualTo("n_{7} = \\frac{a}{b}");
        }
    }

    @Nested
    class MixedProducts {
        final Variable w = new Variable("W", Shape.of(3, 3));
        final Variable x = new Variable("x", Shape.vector(3));
        final Variable y = new Variable("y", Shape.vector(3));

        @Test
        void anElementwiseProductUnderAMatrixProductIsBracketed() {
            Expr e = new MatMul(new Binary(BinaryOp.MUL, x, y), new Transpose(x));
            assertThat(Formula.unicode(e)).isEqualTo("(x ⊙ y)·xᵀ");
            assertThat(Formula.latex(e)).isEqualTo("\\left(x \\odot y\\right) x^{\\top}");
            assertThat(Formula.mathml(e)).contains("<mrow><mo>(</mo><mrow><mi>x</mi><mo>⊙</mo><mi>y</mi></mrow><mo>)</mo></mrow><mo>·</mo>");
        }

        @Test
        void aMatrixProductUnderAnElementwiseProductIsBracketed() {
            Expr e = new Binary(BinaryOp.MUL, y, new MatMul(w, x));
            assertThat(Formula.unicode(e)).isEqualTo("y ⊙ (W·x)");
            assertThat(Formula.unicode(new Binary(BinaryOp.MUL, new MatMul(w, x), y))).isEqualTo("(W·x) ⊙ y");
            assertThat(Formula.unicode(new MatMul(new MatMul(w, w), x))).as("products of one kind need no brackets").isEqualTo("W·W·x");
        }
    }
}
