package adjoint.expr;

import static adjoint.expr.Notation.ATOM;
import static adjoint.expr.Notation.POWER;
import static adjoint.expr.Notation.PRODUCT;
import static adjoint.expr.Notation.SUM;
import static adjoint.expr.Notation.UNARY;
import static adjoint.expr.Notation.infix;
import static adjoint.expr.Notation.slot;

import java.util.Objects;
import java.util.Optional;

/**
 * The elementwise ops of two inputs of one shape, each constant the whole story of its op:
 * value, partial derivatives, pullbacks, symbolic pullbacks, edge behaviour, text-syntax form,
 * Unicode and LaTeX notation, and the domains where it is smooth (for the testkit). {@code x}
 * is the left input entry, {@code y} the right, {@code out} the output entry and {@code g} the
 * upstream gradient. A scalar meets a matrix through an explicit {@link Broadcast}.
 */
public enum BinaryOp {

    // ---- arithmetic ----

    /** Sum {@code x + y}; partials {@code 1} and {@code 1}. */
    ADD("add", infix(SUM, " + ", PRODUCT), infix(SUM, " + ", SUM), infix(SUM, " + ", SUM), Domain.ANY, Domain.ANY) {
        public double value(double x, double y) { return x + y; }
        public double derivativeA(double x, double y, double out) { return 1.0; }
        public double derivativeB(double x, double y, double out) { return 1.0; }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return g; }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return g; }
    },
    /** Difference {@code x - y}; partials {@code 1} and {@code -1}. */
    SUB("sub", infix(SUM, " - ", PRODUCT), infix(SUM, " − ", PRODUCT), infix(SUM, " - ", PRODUCT), Domain.ANY, Domain.ANY) {
        public double value(double x, double y) { return x - y; }
        public double derivativeA(double x, double y, double out) { return 1.0; }
        public double derivativeB(double x, double y, double out) { return -1.0; }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return g; }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return new Unary(UnaryOp.NEG, g); }
    },
    /** Product {@code x y} (elementwise for matrices); partials {@code y} and {@code x}. */
    MUL("mul", infix(PRODUCT, "*", UNARY), infix(PRODUCT, "·", PRODUCT), infix(PRODUCT, " \\cdot ", PRODUCT),
            Domain.ANY, Domain.ANY) {
        public double value(double x, double y) { return x * y; }
        public double derivativeA(double x, double y, double out) { return y; }
        public double derivativeB(double x, double y, double out) { return x; }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return Exprs.times(g, b); }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return Exprs.times(g, a); }
        public Notation unicode(Shape shape) { return shape.isScalar() ? super.unicode(shape) : infix(PRODUCT, " ⊙ ", PRODUCT); }
        public Notation latex(Shape shape) { return shape.isScalar() ? super.latex(shape) : infix(PRODUCT, " \\odot ", PRODUCT); }
    },
    /** Quotient {@code x / y}; partials {@code 1/y} and {@code -x/y² = -out/y}. */
    DIV("div", infix(PRODUCT, "/", UNARY), infix(PRODUCT, "/", POWER),
            Notation.of(ATOM, "\\frac{", slot(0, 0), "}{", slot(1, 0), "}"), Domain.ANY, Domain.AWAY_FROM_ZERO) {
        public double value(double x, double y) { return x / y; }
        public double derivativeA(double x, double y, double out) { return 1.0 / y; }
        public double derivativeB(double x, double y, double out) { return -out / y; }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return Exprs.times(g, new Unary(UnaryOp.INV, b)); }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) {
            return Exprs.times(g, new Unary(UnaryOp.NEG, new Binary(DIV, out, b)));
        }
    },
    /**
     * Power {@code x^y}, IEEE 754's {@code pow}: as {@code Math.pow}, except that {@code 1^y} is 1
     * for every {@code y}, NaN included, and {@code (-1)^(±∞)} is 1. For a constant exponent, any
     * base where the power is real; for a varying exponent, a positive base. Partials
     * {@code y x^(y-1)} (exactly 0 for {@code y = 0}, a mask, as in PyTorch) and
     * {@code xlogy(x^y, x)}: {@code x^y ln x}, and 0 where {@code x^y = 0} (its limit at
     * {@code x = 0, y > 0}) or where {@code x = 0} and {@code y = 0} (PyTorch's mask), numerically
     * and symbolically alike; NaN below 0.
     */
    POW("pow", Notation.of(POWER, slot(0, ATOM), "^", slot(1, UNARY)), Notation.of(POWER, slot(0, ATOM), "^", slot(1, ATOM)),
            Notation.of(POWER, slot(0, ATOM), "^{", slot(1, 0), "}"), Domain.POSITIVE, Domain.MODERATE) {
        public double value(double x, double y) { return pow(x, y); }
        public double derivativeA(double x, double y, double out) { return y == 0 ? 0.0 : y * pow(x, y - 1); }
        public double pullbackA(double g, double x, double y, double out) { return y == 0 ? 0.0 : g * (y * pow(x, y - 1)); }
        public double derivativeB(double x, double y, double out) { return x == 0 && y == 0 ? 0.0 : XLOGY.value(out, x); }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) {
            Double c = Exprs.constantValue(b);
            if (c == null) {
                // 0 where the exponent is 0, as the numeric rule: gate by |sign b|.
                Expr lower = Exprs.pow(a, new Binary(SUB, b, Exprs.constant(1, b.shape())));
                return new Binary(GATE, Exprs.times(g, Exprs.times(b, lower)), new Unary(UnaryOp.ABS, new Unary(UnaryOp.SIGN, b)));
            }
            if (c == 0) {
                return Exprs.constant(0, a.shape());
            }
            if (c == 1) {
                return g;
            }
            Expr lower = c == 2 ? a : Exprs.pow(a, Exprs.constant(c - 1, a.shape()));
            return Exprs.times(g, Exprs.times(Exprs.constant(c, a.shape()), lower));
        }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) {
            // x^y ln x, but 0 at x = 0, y = 0 where x^y is 1: out gated to 0 there, kept elsewhere
            // (a varying exponent may be NaN, so it is only ever gated, never summed).
            Double base = Exprs.constantValue(a);
            Shape s = a.shape();
            Expr atZero = new Binary(GATE, out, new Unary(UnaryOp.NEG, b));
            Expr masked = base == null
                    ? new Binary(ADD, new Binary(GATE, out, new Unary(UnaryOp.ABS, a)), new Binary(GATE, atZero, zeroIndicator(a)))
                    : base == 0 ? atZero : out;
            return Exprs.times(g, new Binary(XLOGY, masked, a));
        }
    },
    /**
     * {@code x ln y}, and 0 where {@code x = 0} (unless {@code y} is NaN), as PyTorch's
     * {@code xlogy}: the entropy term {@code p ln p} and the base-0 limit of {@code d/dy x^y}.
     * Partials {@code ln y} (the function is {@code x ln y} on both sides of {@code x = 0}), but
     * exactly 0 at {@code x = 0, y ≤ 0}, where the function is 0 along {@code x} (PyTorch's mask),
     * and NaN there when {@code x} is NaN; and {@code x/y}.
     */
    XLOGY("xlogy", Notation.call("xlogy", 2), Notation.call("xlogy", 2), Notation.latexCall("\\operatorname{xlogy}", 2),
            Domain.ANY, Domain.POSITIVE) {
        public double value(double x, double y) { return x == 0 && y == y ? 0.0 : x * Math.log(y); }
        public double derivativeA(double x, double y, double out) {
            return y > 0 ? Math.log(y) : x == 0 && y <= 0 ? 0.0 : x == x ? Math.log(y) : Double.NaN;
        }
        public double derivativeB(double x, double y, double out) { return x / y; }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) {
            // xlogy(k, y) with k = [y > 0] + [x ≠ 0]·[y ≤ 0]: ln y where k is 1, exactly 0 where it is 0.
            Expr positive = new Binary(GATE, Exprs.constant(1, b.shape()), b);
            Expr nonZero = new Binary(GATE, Exprs.constant(1, a.shape()), new Unary(UnaryOp.ABS, a));
            Expr notPositive = new Binary(SUB, Exprs.constant(1, b.shape()), positive);
            Expr k = new Binary(ADD, positive, new Binary(GATE, nonZero, notPositive));
            return Exprs.times(g, new Binary(XLOGY, k, b));
        }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return Exprs.times(g, new Binary(DIV, a, b)); }
    },
    /**
     * {@code x} where {@code y > 0}, exactly 0 where {@code y ≤ 0} whatever {@code x} is, NaN where
     * {@code y} is NaN: a mask, the symbolic form of what relu, abs, sign, max and min pass down.
     * Partials: {@code [y > 0]}, a mask itself, and 0 (a step). Formulas write it with Iverson's
     * bracket, {@code x·[y > 0]}, and {@code gate(1, y)} as the step {@code [y > 0]}.
     */
    GATE("gate", Notation.call("gate", 2), Notation.of(PRODUCT, slot(0, PRODUCT), "·[", slot(1, 0), " > 0]"),
            Notation.of(PRODUCT, slot(0, PRODUCT), " \\cdot \\left[", slot(1, 0), " > 0\\right]"),
            Domain.ANY, Domain.AWAY_FROM_ZERO) {
        public double value(double x, double y) { return y > 0 ? x : y <= 0 ? 0.0 : Double.NaN; }
        public double derivativeA(double x, double y, double out) { return y > 0 ? 1.0 : y <= 0 ? 0.0 : Double.NaN; }
        public double derivativeB(double x, double y, double out) { return y == y ? 0.0 : Double.NaN; }
        public double pullbackA(double g, double x, double y, double out) { return y > 0 ? g : y <= 0 ? 0.0 : Double.NaN; }
        public double pullbackB(double g, double x, double y, double out) { return y == y ? 0.0 : Double.NaN; }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return new Binary(GATE, g, b); }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return new Binary(GATE, Exprs.constant(0, b.shape()), b); }
    },

    // ---- selections: the losing input's zero derivative is a mask ----

    /**
     * Larger of {@code x} and {@code y}, NaN if either is; partials {@code [x > y]} and
     * {@code [y > x]}, and {@code 1/2} each at a tie (so {@code max(x, x) = x} has derivative 1).
     * The losing input gets exactly 0, whatever the upstream gradient.
     */
    MAX("max", Notation.call("max", 2), Notation.call("max", 2), Notation.latexCall("\\max", 2),
            Domain.LOWER_FRACTIONS, Domain.UPPER_FRACTIONS) {
        public double value(double x, double y) { return Math.max(x, y); }
        public double derivativeA(double x, double y, double out) { return select(x, y, 1.0); }
        public double derivativeB(double x, double y, double out) { return select(y, x, 1.0); }
        public double pullbackA(double g, double x, double y, double out) { return select(x, y, g); }
        public double pullbackB(double g, double x, double y, double out) { return select(y, x, g); }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return winner(g, a, b); }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return winner(g, b, a); }
    },
    /**
     * Smaller of {@code x} and {@code y}, NaN if either is; partials {@code [x < y]} and
     * {@code [y < x]}, and {@code 1/2} each at a tie. The losing input gets exactly 0.
     */
    MIN("min", Notation.call("min", 2), Notation.call("min", 2), Notation.latexCall("\\min", 2),
            Domain.LOWER_FRACTIONS, Domain.UPPER_FRACTIONS) {
        public double value(double x, double y) { return Math.min(x, y); }
        public double derivativeA(double x, double y, double out) { return select(y, x, 1.0); }
        public double derivativeB(double x, double y, double out) { return select(x, y, 1.0); }
        public double pullbackA(double g, double x, double y, double out) { return select(y, x, g); }
        public double pullbackB(double g, double x, double y, double out) { return select(x, y, g); }
        public Expr pullbackA(Expr g, Expr a, Expr b, Expr out) { return winner(g, b, a); }
        public Expr pullbackB(Expr g, Expr a, Expr b, Expr out) { return winner(g, a, b); }
    };

    /**
     * {@return {@code g} where {@code win > lose}, exactly 0 where {@code win < lose}, {@code g/2}
     * where they are equal (a tie, two equal infinities included, as in PyTorch), NaN where either
     * is NaN}
     */
    private static double select(double win, double lose, double g) {
        return win > lose ? g : win < lose ? 0.0 : win == lose ? 0.5 * g : Double.NaN;
    }

    /** {@return what {@link #select} passes, as an expression: {@code gate(g, s) + gate(g/2, 1 - |s|)}, {@code s} the {@link #order}} */
    private static Expr winner(Expr g, Expr win, Expr lose) {
        Shape s = win.shape();
        Expr order = order(win, lose);
        Expr tie = new Binary(SUB, Exprs.constant(1, s), new Unary(UnaryOp.ABS, order));
        return new Binary(ADD, new Binary(GATE, g, order), new Binary(GATE, Exprs.times(Exprs.constant(0.5, s), g), tie));
    }

    /**
     * {@return 1, -1 or 0 as {@code a} is above, below or equal to {@code b}, NaN if either is, as
     * an expression}: {@code sign(a - b)} is NaN at two equal infinities, so the difference is
     * taken between the inputs clamped to the finite range, {@code sign(c(a) - c(b))}, and where
     * that is 0 but the inputs are not both infinite (an infinity against the largest finite
     * number, told apart by {@code 1/(|v| + 1)}), {@code sign(a - b)} decides
     */
    private static Expr order(Expr a, Expr b) {
        Shape s = a.shape();
        Expr clamped = new Unary(UnaryOp.SIGN, new Binary(SUB, clamp(a), clamp(b)));
        Expr raw = new Unary(UnaryOp.SIGN, new Binary(SUB, a, b));
        Expr apart = new Unary(UnaryOp.ABS, new Binary(SUB, shrink(a), shrink(b)));
        Expr undecided = new Binary(MUL, apart, new Binary(SUB, Exprs.constant(1, s), new Unary(UnaryOp.ABS, clamped)));
        return new Binary(ADD, clamped, new Binary(GATE, raw, undecided));
    }

    /** {@return {@code v} clamped to {@code [-Double.MAX_VALUE, Double.MAX_VALUE]}} */
    private static Expr clamp(Expr v) {
        Shape s = v.shape();
        return new Binary(MIN, new Binary(MAX, v, Exprs.constant(-Double.MAX_VALUE, s)), Exprs.constant(Double.MAX_VALUE, s));
    }

    /** {@return {@code 1/(|v| + 1)}: 0 for an infinity, above 0 for every finite number} */
    private static Expr shrink(Expr v) {
        return new Unary(UnaryOp.INV, new Binary(ADD, new Unary(UnaryOp.ABS, v), Exprs.constant(1, v.shape())));
    }

    /** {@return {@code 1 - |sign v|}: 1 where {@code v} is 0, 0 elsewhere, NaN where it is NaN} */
    private static Expr zeroIndicator(Expr v) {
        return new Binary(SUB, Exprs.constant(1, v.shape()), new Unary(UnaryOp.ABS, new Unary(UnaryOp.SIGN, v)));
    }

    /**
     * {@return {@code x^y} as IEEE 754's {@code pow}: {@code Math.pow}, but 1 for base 1 and any
     * exponent (NaN included), and for base -1 and an infinite exponent}
     */
    private static double pow(double x, double y) {
        return x == 1 || x == -1 && Double.isInfinite(y) ? 1.0 : Math.pow(x, y);
    }

    private final String name;
    private final Notation text;
    private final Notation unicode;
    private final Notation latex;
    private final Domain domainA;
    private final Domain domainB;

    BinaryOp(String name, Notation text, Notation unicode, Notation latex, Domain domainA, Domain domainB) {
        this.name = name;
        this.text = text;
        this.unicode = unicode;
        this.latex = latex;
        this.domainA = domainA;
        this.domainB = domainB;
    }

    /**
     * {@return {@code op(x, y)}}
     *
     * @param x the first input
     * @param y the second input
     */
    public abstract double value(double x, double y);

    /**
     * {@return the partial derivative in the left input, given {@code out = op(x, y)}}
     *
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public abstract double derivativeA(double x, double y, double out);

    /**
     * {@return the partial derivative in the right input, given {@code out = op(x, y)}}
     *
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public abstract double derivativeB(double x, double y, double out);

    /**
     * {@return what this op passes to its left input: {@code g} times {@link #derivativeA}, or exactly 0 where that is 0 by definition}
     *
     * @param g the upstream gradient
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public double pullbackA(double g, double x, double y, double out) {
        return g * derivativeA(x, y, out);
    }

    /**
     * {@return what this op passes to its right input: {@code g} times {@link #derivativeB}, or exactly 0 where that is 0 by definition}
     *
     * @param g the upstream gradient
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public double pullbackB(double g, double x, double y, double out) {
        return g * derivativeB(x, y, out);
    }

    /**
     * {@return this op's tangent, given its inputs' tangents: {@code ∂op/∂x · dx + ∂op/∂y · dy}},
     * each term as the pullback applied to that tangent, so a masked input adds exactly 0; an
     * input that carries no tangent (a constant) adds nothing at all
     *
     * @param dx the left input's tangent
     * @param hasDx whether the left input carries a tangent
     * @param dy the right input's tangent
     * @param hasDy whether the right input carries a tangent
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public double tangent(double dx, boolean hasDx, double dy, boolean hasDy, double x, double y, double out) {
        return tangent(this, dx, hasDx, dy, hasDy, x, y, out);
    }

    /**
     * {@return what this op passes to its left input {@code a}, as an expression, given upstream {@code g} and the node {@code out}}
     *
     * @param g the upstream gradient
     * @param a the first input
     * @param b the second input
     * @param out the op's value at the inputs
     */
    public abstract Expr pullbackA(Expr g, Expr a, Expr b, Expr out);

    /**
     * {@return what this op passes to its right input {@code b}, as an expression, given upstream {@code g} and the node {@code out}}
     *
     * @param g the upstream gradient
     * @param a the first input
     * @param b the second input
     * @param out the op's value at the inputs
     */
    public abstract Expr pullbackB(Expr g, Expr a, Expr b, Expr out);

    /** {@return the name in {@link Expr#op()} and, for ops written as calls, in the text syntax and the DSL} */
    public String syntax() {
        return name;
    }

    /** {@return the form in the text syntax: an infix operator or a call} */
    public Notation text() {
        return text;
    }

    /** {@return whether the text syntax writes this op as a call {@code name(a, b)} rather than an operator} */
    public boolean isCall() {
        return text.precedence() == ATOM;
    }

    /**
     * {@return the Unicode notation for an output of the given shape}
     *
     * @param shape the node's shape
     */
    public Notation unicode(Shape shape) {
        return unicode;
    }

    /**
     * {@return the LaTeX notation for an output of the given shape}
     *
     * @param shape the node's shape
     */
    public Notation latex(Shape shape) {
        return latex;
    }

    /**
     * {@return where input {@code index} (0 or 1) is defined and smooth, with a margin: the testkit draws it there}
     *
     * @param index the input, 0 or 1
     */
    public Domain domain(int index) {
        return index == 0 ? domainA : domainB;
    }

    // ---- the interpreters' entry points ----
    // The passes call these rather than op.value(x, y): each arm names its constant, so the JIT
    // knows the exact receiver and inlines that constant's own body, where a virtual call from a
    // loop that meets many ops would not be inlined. Adding a constant fails to compile until it
    // has its arms here.

    /**
     * {@return {@code op.value(x, y)}, dispatched so that the JIT inlines it}
     *
     * @param op the operation
     * @param x the first input
     * @param y the second input
     */
    public static double value(BinaryOp op, double x, double y) {
        return switch (op) {
            case ADD -> ADD.value(x, y);
            case SUB -> SUB.value(x, y);
            case MUL -> MUL.value(x, y);
            case DIV -> DIV.value(x, y);
            case POW -> POW.value(x, y);
            case MAX -> MAX.value(x, y);
            case MIN -> MIN.value(x, y);
            case XLOGY -> XLOGY.value(x, y);
            case GATE -> GATE.value(x, y);
        };
    }

    /**
     * {@return {@code op.tangent(dx, hasDx, dy, hasDy, x, y, out)}, by the pullbacks' dispatch so that the JIT inlines it}
     *
     * @param op the operation
     * @param dx the left input's tangent
     * @param hasDx whether the left input carries a tangent
     * @param dy the right input's tangent
     * @param hasDy whether the right input carries a tangent
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public static double tangent(BinaryOp op, double dx, boolean hasDx, double dy, boolean hasDy, double x, double y,
            double out) {
        if (hasDx && hasDy) {
            return pullbackA(op, dx, x, y, out) + pullbackB(op, dy, x, y, out);
        }
        return hasDx ? pullbackA(op, dx, x, y, out) : pullbackB(op, dy, x, y, out);
    }

    /**
     * {@return {@code op.pullbackA(g, x, y, out)}, dispatched so that the JIT inlines it}
     *
     * @param op the operation
     * @param g the upstream gradient
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public static double pullbackA(BinaryOp op, double g, double x, double y, double out) {
        return switch (op) {
            case ADD -> ADD.pullbackA(g, x, y, out);
            case SUB -> SUB.pullbackA(g, x, y, out);
            case MUL -> MUL.pullbackA(g, x, y, out);
            case DIV -> DIV.pullbackA(g, x, y, out);
            case POW -> POW.pullbackA(g, x, y, out);
            case MAX -> MAX.pullbackA(g, x, y, out);
            case MIN -> MIN.pullbackA(g, x, y, out);
            case XLOGY -> XLOGY.pullbackA(g, x, y, out);
            case GATE -> GATE.pullbackA(g, x, y, out);
        };
    }

    /**
     * {@return {@code op.pullbackB(g, x, y, out)}, dispatched so that the JIT inlines it}
     *
     * @param op the operation
     * @param g the upstream gradient
     * @param x the first input
     * @param y the second input
     * @param out the op's value at the inputs
     */
    public static double pullbackB(BinaryOp op, double g, double x, double y, double out) {
        return switch (op) {
            case ADD -> ADD.pullbackB(g, x, y, out);
            case SUB -> SUB.pullbackB(g, x, y, out);
            case MUL -> MUL.pullbackB(g, x, y, out);
            case DIV -> DIV.pullbackB(g, x, y, out);
            case POW -> POW.pullbackB(g, x, y, out);
            case MAX -> MAX.pullbackB(g, x, y, out);
            case MIN -> MIN.pullbackB(g, x, y, out);
            case XLOGY -> XLOGY.pullbackB(g, x, y, out);
            case GATE -> GATE.pullbackB(g, x, y, out);
        };
    }

    /**
     * {@return the op written as the call {@code name(a, b)} in the text syntax, if any}
     *
     * @param name the op's name in the text syntax
     */
    public static Optional<BinaryOp> named(String name) {
        Objects.requireNonNull(name, "name is null");
        for (BinaryOp op : values()) {
            if (op.isCall() && op.name.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
