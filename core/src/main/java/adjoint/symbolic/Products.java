package adjoint.symbolic;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Exprs;
import adjoint.expr.Leaf;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scalar products, quotients and negations rewritten as a reader writes them: one sign, one
 * numeric coefficient, the variables and then the other factors in their order, equal factors
 * merged into powers, and one denominator: {@code -2·w₁·sin(u)·cos(u)/D²}. A constant joins the
 * coefficient only where the multiplication is exact; any other stays a factor. At most
 * {@value #MAX_FACTORS} factors are gathered, so that a chain of products stays linear in size.
 * The form regroups products, so it is for reading ({@link Simplify#readable}).
 */
final class Products {

    static final int MAX_FACTORS = 12;

    /** A factor, its fingerprint and its whole-number exponent. */
    private static final class Factor {
        final Expr atom;
        final Fingerprint print;
        int power;

        Factor(Expr atom, Fingerprint print, int power) {
            this.atom = atom;
            this.print = print;
            this.power = power;
        }
    }

    /**
     * Whether a factor is small enough to compare structurally, and then its structural hash.
     *
     * @param small whether the factor has at most {@link Simplify#small} nodes
     * @param hash its structural hash if small, else 0
     */
    record Fingerprint(boolean small, int hash) {
        /** {@return the fingerprint of {@code atom}, from {@code known} if it is there, else found and put there} */
        static Fingerprint of(Expr atom, Map<Expr, Fingerprint> known) {
            Fingerprint f = known.get(atom);
            if (f == null) {
                boolean small = Simplify.small(atom);
                f = new Fingerprint(small, small ? atom.hashCode() : 0);
                known.put(atom, f);
            }
            return f;
        }
    }

    private final List<Factor> factors = new ArrayList<>();
    private final Map<Expr, Fingerprint> known;
    private double coefficient = 1;
    private int gathered;

    private Products(Map<Expr, Fingerprint> known) {
        this.known = known;
    }

    /**
     * {@return {@code e}, a scalar product, quotient or negation, in normal form}
     *
     * @param e the expression
     * @param known the fingerprints of factors met before, by identity; those of new factors are added
     */
    static Expr normalize(Expr e, Map<Expr, Fingerprint> known) {
        Products p = new Products(known);
        p.collect(e, 1);
        return p.build();
    }

    private void collect(Expr e, int power) {
        if (gathered >= MAX_FACTORS) {
            add(e, power);
            return;
        }
        switch (e) {
            case Leaf.Constant c when foldable(c.value(), power) -> coefficient = fold(c.value(), power);
            case Unary u when u.fn() == UnaryOp.NEG -> {
                if (power % 2 != 0) {
                    coefficient = -coefficient;
                }
                collect(u.a(), power);
            }
            case Unary u when u.fn() == UnaryOp.INV -> collect(u.a(), -power);
            case Unary u when u.fn() == UnaryOp.SQUARE -> collect(u.a(), 2 * power);
            case Binary b when b.fn() == BinaryOp.MUL -> {
                gathered++;
                collect(b.a(), power);
                collect(b.b(), power);
            }
            case Binary b when b.fn() == BinaryOp.DIV -> {
                gathered++;
                collect(b.a(), power);
                collect(b.b(), -power);
            }
            case Binary b when b.fn() == BinaryOp.POW && wholeExponent(b) != 0 -> collect(b.a(), wholeExponent(b) * power);
            default -> add(e, power);
        }
    }

    /**
     * {@return whether {@code c^power} multiplies into the coefficient exactly}: the product is a
     * normal double with no rounding (checked with a fused multiply-add), so no overflow,
     * underflow, lost digit or lost sign; {@code c} itself is finite and not zero
     */
    private boolean foldable(double c, int power) {
        if (!Double.isFinite(c) || c == 0 || (power != 1 && power != -1)) {
            return false;
        }
        double factor = power == 1 ? c : 1 / c;
        if (power == -1 && Math.fma(factor, c, -1) != 0) {
            return false;
        }
        double p = coefficient * factor;
        return Double.isFinite(p) && Math.abs(p) >= Double.MIN_NORMAL && Math.fma(coefficient, factor, -p) == 0;
    }

    private double fold(double c, int power) {
        return coefficient * (power == 1 ? c : 1 / c);
    }

    /** {@return the exponent of a power by a whole constant from -16 to 16, or 0 if it is not one} */
    private static int wholeExponent(Binary pow) {
        Double p = Exprs.constantValue(pow.b());
        return p != null && p == Math.rint(p) && Math.abs(p) <= 16 ? p.intValue() : 0;
    }

    /** Adds a factor, merging it with an equal one ({@link Simplify#same}: one node, or small and structurally equal). */
    private void add(Expr atom, int power) {
        gathered++;
        Fingerprint print = Fingerprint.of(atom, known);
        for (Factor f : factors) {
            if (f.atom == atom || print.small() && f.print.small() && f.print.hash() == print.hash() && f.atom.equals(atom)) {
                f.power += power;
                return;
            }
        }
        factors.add(new Factor(atom, print, power));
    }

    private Expr build() {
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
            result = new Binary(BinaryOp.DIV, result, denominator);
        }
        return negative ? new Unary(UnaryOp.NEG, result) : result;
    }

    private static Expr times(Expr a, Expr b) {
        return a == null ? b : Exprs.times(a, b);
    }

    private static Expr power(Expr atom, int p) {
        return p == 1 ? atom : p == 2 ? new Unary(UnaryOp.SQUARE, atom) : Exprs.pow(atom, p);
    }
}
