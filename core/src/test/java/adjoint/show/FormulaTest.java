package adjoint.show;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf.Constant;
import adjoint.expr.Leaf.Variable;
import adjoint.expr.MatrixOp;
import adjoint.expr.Shape;
import adjoint.expr.Unary;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FormulaTest {

    static final Variable X1 = new Variable("x1");
    static final Variable W1 = new Variable("w1");
    static final Variable X2 = new Variable("x2");
    static final Variable W2 = new Variable("w2");
    static final Variable A = new Variable("a");
    static final Variable B = new Variable("b");
    static final Variable C = new Variable("c");

    /** {@code 1/(2 + sin(x1 w1)^2 + cos(x2 w2))}, built as the issue writes it. */
    static final Expr SEED = new Unary.Reciprocal(new Binary.Add(new Binary.Add(new Constant(2),
            new Unary.Square(new Unary.Sin(new Binary.Mul(X1, W1)))), new Unary.Cos(new Binary.Mul(X2, W2))));

    @Nested
    class Unicode {
        @Test
        void theSeedReadsAsOnPaper() {
            assertThat(Formula.unicode(SEED)).isEqualTo("1/(2 + sin²(x₁·w₁) + cos(x₂·w₂))");
        }

        @Test
        void parenthesesOnlyWherePrecedenceNeedsThem() {
            assertThat(Formula.unicode(new Binary.Mul(new Binary.Add(A, B), C))).isEqualTo("(a + b)·c");
            assertThat(Formula.unicode(new Binary.Add(A, new Binary.Mul(B, C)))).isEqualTo("a + b·c");
            assertThat(Formula.unicode(new Binary.Sub(A, new Binary.Sub(B, C)))).isEqualTo("a − (b − c)");
            assertThat(Formula.unicode(new Binary.Sub(new Binary.Sub(A, B), C))).isEqualTo("a − b − c");
            assertThat(Formula.unicode(new Binary.Div(A, new Binary.Mul(B, C)))).isEqualTo("a/(b·c)");
            assertThat(Formula.unicode(new Binary.Div(new Binary.Mul(A, B), C))).isEqualTo("a·b/c");
            assertThat(Formula.unicode(new Unary.Neg(new Unary.Power(A, 2)))).isEqualTo("−a²");
            assertThat(Formula.unicode(new Unary.Power(new Unary.Neg(A), 2))).isEqualTo("(−a)²");
            assertThat(Formula.unicode(new Binary.Mul(A, new Unary.Neg(B)))).isEqualTo("a·(−b)");
            assertThat(Formula.unicode(new Unary.Power(new Binary.Add(A, B), -1))).isEqualTo("(a + b)⁻¹");
            assertThat(Formula.unicode(new Unary.Power(A, 1.5))).isEqualTo("a^1.5");
            assertThat(Formula.unicode(new Binary.Pow(A, new Binary.Add(B, C)))).isEqualTo("a^(b + c)");
            assertThat(Formula.unicode(new Unary.Sqrt(new Binary.Add(A, B)))).isEqualTo("√(a + b)");
            assertThat(Formula.unicode(new Unary.Abs(new Binary.Sub(A, B)))).isEqualTo("|a − b|");
            assertThat(Formula.unicode(new Binary.Add(A, new Constant(-2)))).isEqualTo("a + −2");
        }

        @Test
        void matricesUseTheirOwnSymbols() {
            Variable w = new Variable("W", Shape.of(3, 3));
            Variable x = new Variable("x", Shape.vector(3));
            Expr h = new MatrixOp.Sum(new Unary.Square(new Unary.Sigmoid(new MatrixOp.MatMul(w, x))));
            assertThat(Formula.unicode(h)).isEqualTo("sum(σ(W·x)²)");
            assertThat(Formula.unicode(new MatrixOp.Trace(new MatrixOp.MatMul(new MatrixOp.Transpose(w), w))))
                    .isEqualTo("tr(Wᵀ·W)");
            assertThat(Formula.unicode(new Binary.Mul(x, new MatrixOp.Broadcast(new Binary.Add(A, B), Shape.vector(3)))))
                    .isEqualTo("x ⊙ (a + b)");
        }

        @Test
        void aMillionDeepChainPrintsCut() {
            Expr e = X1;
            for (int i = 0; i < 1_000_000; i++) {
                e = new Unary.Sin(e);
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
            assertThat(Formula.latex(new Unary.Exp(theta))).isEqualTo("\\exp\\left(\\mathit{theta}_{2}\\right)");
            Variable w = new Variable("W", Shape.of(2, 2));
            assertThat(Formula.latex(new MatrixOp.Transpose(w))).isEqualTo("W^{\\top}");
            assertThat(Formula.latex(new Binary.Mul(new Binary.Add(A, B), C)))
                    .isEqualTo("\\left(a + b\\right) \\cdot c");
        }
    }
}
