package adjoint.symbolic;

import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Unary;
import java.util.ArrayList;
import java.util.List;

/**
 * Scalar products, quotients and negations rewritten as a reader writes them: one sign, one
 * numeric coefficient, the variables and then the other factors in their order, equal factors
 * merged into powers, and one denominator: {@code -2·w₁·sin(u)·cos(u)/D²}. At most
 * {@value #MAX_FACTORS} factors are gathered, so that a chain of products stays linear in size.
 */
final class Products {

    static final int MAX_FACTORS = 12;

    /** A factor and its whole-number exponent. */
    private static final class Factor {
        final Expr atom;
        int power;

        Factor(Expr atom, int power) {
            this.atom = atom;
            this.power = power;
        }
    }

    private final List<Factor> factors = new ArrayList<>();
    private double coefficient = 1;
    private int gathered;

    private Products() {}

    /** {@return {@code e}, a scalar product, quotient or negation, in normal form} */
    static Expr normalize(Expr e) {
        Products p = new Products();
        p.collect(e, 1);
        return p.build();
    }

    private void collect(Expr e, int power) {
        if (gathered >= MAX_FACTORS) {
            add(e, power);
            return;
        }
        switch (e) {
            case Leaf.Constant c -> coefficient *= Math.pow(c.value(), power);
            case Unary.Neg n -> {
                if (power % 2 != 0) {
                    coefficient = -coefficient;
                }
                collect(n.a(), power);
            }
            case Binary.Mul m -> {
                gathered++;
                collect(m.a(), power);
                collect(m.b(), power);
            }
            case Binary.Div d -> {
                gathered++;
                collect(d.a(), power);
                collect(d.b(), -power);
            }
            case Unary.Reciprocal r -> collect(r.a(), -power);
            case Unary.Square s -> collect(s.a(), 2 * power);
            case Unary.Power p when p.p() == Math.rint(p.p()) && Math.abs(p.p()) <= 16 -> collect(p.a(), (int) p.p() * power);
            default -> add(e, power);
        }
    }

    private void add(Expr atom, int power) {
        gathered++;
        for (Factor f : factors) {
            if (Simplify.same(f.atom, atom)) {
                f.power += power;
                return;
            }
        }
        factors.add(new Factor(atom, power));
    }

    private Expr build() {
        if (coefficient == 0) {
            return new Leaf.Constant(0);
        }
        boolean negative = coefficient < 0;
        double c = Math.abs(coefficient);
        List<Factor> ordered = new ArrayList<>();
        factors.stream().filter(f -> f.atom instanceof Leaf.Variable).forEach(ordered::add);
        factors.stream().filter(f -> !(f.atom instanceof Leaf.Variable)).forEach(ordered::add);
        Expr numerator = c == 1 ? null : new Leaf.Constant(c);
        Expr denominator = null;
        for (Factor f : ordered) {
            if (f.power > 0) {
                numerator = times(numerator, power(f.atom, f.power));
            } else if (f.power < 0) {
                denominator = times(denominator, power(f.atom, -f.power));
            }
        }
        Expr result = numerator == null ? new Leaf.Constant(1) : numerator;
        if (denominator != null) {
            result = new Binary.Div(result, denominator);
        }
        return negative ? new Unary.Neg(result) : result;
    }

    private static Expr times(Expr a, Expr b) {
        return a == null ? b : new Binary.Mul(a, b);
    }

    private static Expr power(Expr atom, int p) {
        return p == 1 ? atom : p == 2 ? new Unary.Square(atom) : new Unary.Power(atom, p);
    }
}
