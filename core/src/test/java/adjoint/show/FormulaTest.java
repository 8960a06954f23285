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
}
