package adjoint.expr;

import static adjoint.expr.Notation.ATOM;
import static adjoint.expr.Notation.POWER;
import static adjoint.expr.Notation.PRODUCT;
import static adjoint.expr.Notation.SUM;
import static adjoint.expr.Notation.latexCall;
import static adjoint.expr.Notation.latexRaisable;
import static adjoint.expr.Notation.raisable;
import static adjoint.expr.Notation.slot;

import java.util.Objects;
import java.util.Optional;
import org.apache.commons.math3.special.Erf;

/**
 * The elementwise ops of one input, each constant the whole story of its op: value, local
 * derivative, pullback, symbolic derivative, edge behaviour, text-syntax name, Unicode and
 * LaTeX notation, and the domain where it is smooth (for the testkit). {@code x} is the input
 * entry, {@code out} the output entry and {@code g} the upstream gradient. Parsers, printers
 * and the testkit read this table through {@link #values()}.
 *
 * <p>Edges: a NaN input gives a NaN value and a NaN derivative. An op whose local derivative is
 * zero by definition at a point (relu below 0, sign everywhere, abs at 0) passes exactly 0
 * there, whatever the upstream gradient, so an infinite upstream never becomes NaN.
 */
public enum UnaryOp {

    // ---- arithmetic ----

    /** Negation {@code -x}; derivative {@code -1}. */
    NEG("neg", Notation.of(SUM, "−", slot(0, PRODUCT)), Notation.of(SUM, "-", slot(0, PRODUCT)), Domain.ANY) {
        public double value(double x) { return -x; }
        public double derivative(double x, double out) { return -1.0; }
        public Expr derivative(Expr x, Expr out) { return Exprs.constant(-1, x.shape()); }
    },
    /** Square {@code x²}; derivative {@code 2x}. */
    SQUARE("square", Notation.of(POWER, slot(0, ATOM), "²"), Notation.of(POWER, slot(0, ATOM), "^{2}"), Domain.SMALL) {
        public double value(double x) { return x * x; }
        public double derivative(double x, double out) { return 2.0 * x; }
        public Expr derivative(Expr x, Expr out) { return Exprs.times(Exprs.constant(2, x.shape()), x); }
    },
    /** Reciprocal {@code 1/x}; derivative {@code -1/x² = -out²}; infinite at 0. */
    INV("inv", Notation.of(PRODUCT, "1/", slot(0, POWER)), Notation.of(ATOM, "\\frac{1}{", slot(0, 0), "}"),
            Domain.AWAY_FROM_ZERO) {
        public double value(double x) { return 1.0 / x; }
        public double derivative(double x, double out) { return -out * out; }
        public Expr derivative(Expr x, Expr out) { return new Unary(NEG, new Unary(SQUARE, out)); }
    },
    /** Square root {@code √x}, NaN below 0; derivative {@code 1/(2√x) = 1/(2 out)}, infinite at 0. */
    SQRT("sqrt", Notation.of(POWER, "√", slot(0, ATOM)), Notation.of(ATOM, "\\sqrt{", slot(0, 0), "}"), Domain.POSITIVE) {
        public double value(double x) { return Math.sqrt(x); }
        public double derivative(double x, double out) { return 0.5 / out; }
        public Expr derivative(Expr x, Expr out) {
            return new Unary(INV, Exprs.times(Exprs.constant(2, x.shape()), out));
        }
    },

    // ---- exponentials and logarithms ----

    /** Exponential {@code eˣ}; derivative {@code eˣ}, the output itself. */
    EXP("exp", Notation.call("exp", 1), latexCall("\\exp", 1), Domain.MODERATE) {
        public double value(double x) { return Math.exp(x); }
        public double derivative(double x, double out) { return out; }
        public Expr derivative(Expr x, Expr out) { return out; }
    },
    /** {@code eˣ - 1}, exact for tiny {@code x}; derivative {@code eˣ = out + 1}. */
    EXPM1("expm1", Notation.call("expm1", 1), latexCall("\\operatorname{expm1}", 1), Domain.MODERATE) {
        public double value(double x) { return Math.expm1(x); }
        public double derivative(double x, double out) { return Math.exp(x); }
        public Expr derivative(Expr x, Expr out) { return new Unary(EXP, x); }
    },
    /** Natural logarithm {@code ln x}, NaN below 0 and -∞ at 0; derivative {@code 1/x}. */
    LOG("log", Notation.call("log", 1), latexCall("\\log", 1), Domain.POSITIVE) {
        public double value(double x) { return Math.log(x); }
        public double derivative(double x, double out) { return 1.0 / x; }
        public Expr derivative(Expr x, Expr out) { return new Unary(INV, x); }
    },
    /** {@code ln(1 + x)}, exact for tiny {@code x}, NaN below -1; derivative {@code 1/(1 + x)}. */
    LOG1P("log1p", Notation.call("log1p", 1), latexCall("\\operatorname{log1p}", 1), Domain.ABOVE_MINUS_ONE) {
        public double value(double x) { return Math.log1p(x); }
        public double derivative(double x, double out) { return 1.0 / (1.0 + x); }
        public Expr derivative(Expr x, Expr out) {
            return new Unary(INV, new Binary(BinaryOp.ADD, Exprs.constant(1, x.shape()), x));
        }
    },
    /**
     * Softplus {@code ln(1 + eˣ)}; derivative {@code σ(x)}. Computed as
     * {@code max(x, 0) + log1p(e^-|x|)}: {@code eˣ} never overflows, and log1p keeps the tail exact.
     */
    SOFTPLUS("softplus", Notation.call("softplus", 1), latexCall("\\operatorname{softplus}", 1), Domain.ANY) {
        public double value(double x) { return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x))); }
        public double derivative(double x, double out) { return sigmoid(x); }
        public Expr derivative(Expr x, Expr out) { return new Unary(SIGMOID, x); }
    },

    // ---- trigonometric and hyperbolic ----

    /** Sine; derivative {@code cos x}. */
    SIN("sin", raisable("sin"), latexRaisable("\\sin"), Domain.ANY) {
        public double value(double x) { return Math.sin(x); }
        public double derivative(double x, double out) { return Math.cos(x); }
        public Expr derivative(Expr x, Expr out) { return new Unary(COS, x); }
    },
    /** Cosine; derivative {@code -sin x}. */
    COS("cos", raisable("cos"), latexRaisable("\\cos"), Domain.ANY) {
        public double value(double x) { return Math.cos(x); }
        public double derivative(double x, double out) { return -Math.sin(x); }
        public Expr derivative(Expr x, Expr out) { return new Unary(NEG, new Unary(SIN, x)); }
    },
    /** Tangent, with poles at odd multiples of π/2; derivative {@code 1 + tan² x = 1 + out²}. */
    TAN("tan", raisable("tan"), latexRaisable("\\tan"), Domain.TAN) {
        public double value(double x) { return Math.tan(x); }
        public double derivative(double x, double out) { return 1.0 + out * out; }
        public Expr derivative(Expr x, Expr out) {
            return new Binary(BinaryOp.ADD, Exprs.constant(1, x.shape()), new Unary(SQUARE, out));
        }
    },
    /** Hyperbolic tangent; derivative {@code 1 - tanh² x = 1 - out²}. */
    TANH("tanh", raisable("tanh"), latexRaisable("\\tanh"), Domain.ANY) {
        public double value(double x) { return Math.tanh(x); }
        public double derivative(double x, double out) { return 1.0 - out * out; }
        public Expr derivative(Expr x, Expr out) {
            return new Binary(BinaryOp.SUB, Exprs.constant(1, x.shape()), new Unary(SQUARE, out));
        }
    },
    /** Inverse tangent, into (-π/2, π/2); derivative {@code 1/(1 + x²)}. */
    ATAN("atan", Notation.call("atan", 1), latexCall("\\arctan", 1), Domain.ANY) {
        public double value(double x) { return Math.atan(x); }
        public double derivative(double x, double out) { return 1.0 / (1.0 + x * x); }
        public Expr derivative(Expr x, Expr out) {
            return new Unary(INV, new Binary(BinaryOp.ADD, Exprs.constant(1, x.shape()), new Unary(SQUARE, x)));
        }
    },
    /** Logistic sigmoid {@code σ(x) = 1/(1 + e^-x)}, computed without overflow; derivative {@code out (1 - out)}. */
    SIGMOID("sigmoid", Notation.call("σ", 1), latexCall("\\sigma", 1), Domain.ANY) {
        public double value(double x) { return sigmoid(x); }
        public double derivative(double x, double out) { return out * (1.0 - out); }
        public Expr derivative(Expr x, Expr out) {
            return Exprs.times(out, new Binary(BinaryOp.SUB, Exprs.constant(1, x.shape()), out));
        }
    },

    // ---- kinks and steps: zero derivatives by definition pass exactly 0 ----

    /**
     * Rectifier {@code max(x, 0)}, NaN at NaN; derivative {@code [x > 0]}: 1 above 0, and 0 at and
     * below 0, where it masks: it passes exactly 0, never {@code 0·∞}.
     */
    RELU("relu", Notation.call("relu", 1), latexCall("\\operatorname{relu}", 1), Domain.AWAY_FROM_ZERO) {
        public double value(double x) { return x <= 0 ? 0.0 : x; }
        public double derivative(double x, double out) { return x > 0 ? 1.0 : x <= 0 ? 0.0 : Double.NaN; }
        public double pullback(double g, double x, double out) { return x > 0 ? g : x <= 0 ? 0.0 : Double.NaN; }
        public Expr derivative(Expr x, Expr out) { return new Unary(RELU, new Unary(SIGN, x)); }
        public Expr pullback(Expr g, Expr x, Expr out) { return new Binary(BinaryOp.GATE, g, x); }
    },
    /** Absolute value {@code |x|}; derivative {@code sign x}, and 0 at the kink, where it masks. */
    ABS("abs", Notation.of(ATOM, "|", slot(0, 0), "|"), Notation.of(ATOM, "\\left|", slot(0, 0), "\\right|"),
            Domain.AWAY_FROM_ZERO) {
        public double value(double x) { return Math.abs(x); }
        public double derivative(double x, double out) { return Math.signum(x); }
        public double pullback(double g, double x, double out) { return x == 0 ? 0.0 : g * Math.signum(x); }
        public Expr derivative(Expr x, Expr out) { return new Unary(SIGN, x); }
        public Expr pullback(Expr g, Expr x, Expr out) {
            return new Binary(BinaryOp.SUB, new Binary(BinaryOp.GATE, g, x), new Binary(BinaryOp.GATE, g, new Unary(NEG, x)));
        }
    },
    /** Sign: -1, 0 (at ±0) or 1, NaN at NaN; derivative 0 everywhere, a mask (0 is used at the jump). */
    SIGN("sign", Notation.call("sign", 1), latexCall("\\operatorname{sign}", 1), Domain.AWAY_FROM_ZERO) {
        public double value(double x) { return Math.signum(x); }
        public double derivative(double x, double out) { return x == x ? 0.0 : Double.NaN; }
        public double pullback(double g, double x, double out) { return x == x ? 0.0 : Double.NaN; }
        public Expr derivative(Expr x, Expr out) { return Exprs.constant(0, x.shape()); }
        public Expr pullback(Expr g, Expr x, Expr out) {
            return new Binary(BinaryOp.GATE, Exprs.constant(0, x.shape()), new Unary(ABS, new Unary(SIGN, x)));
        }
    },

    // ---- special functions ----

    /** Error function {@code erf x = 2/√π ∫₀ˣ e^(-t²) dt}; derivative {@code 2/√π e^(-x²)}. */
    ERF("erf", Notation.call("erf", 1), latexCall("\\operatorname{erf}", 1), Domain.MODERATE) {
        public double value(double x) { return Erf.erf(x); }
        public double derivative(double x, double out) { return TWO_OVER_SQRT_PI * Math.exp(-x * x); }
        public Expr derivative(Expr x, Expr out) {
            return Exprs.times(Exprs.constant(TWO_OVER_SQRT_PI, x.shape()), new Unary(EXP, new Unary(NEG, new Unary(SQUARE, x))));
        }
    };

    /** {@code 2/√π}, erf's derivative at 0. */
    public static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private final String name;
    private final Notation unicode;
    private final Notation latex;
    private final Domain domain;

    UnaryOp(String name, Notation unicode, Notation latex, Domain domain) {
        this.name = name;
        this.unicode = unicode;
        this.latex = latex;
        this.domain = domain;
    }

    /**
     * {@return {@code op(x)}}
     *
     * @param x the input
     */
    public abstract double value(double x);

    /**
     * {@return the local derivative {@code op'(x)}, given {@code out = op(x)}}
     *
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public abstract double derivative(double x, double out);

    /**
     * {@return what this op passes to its input: {@code g · op'(x)}}, or exactly 0 where the
     * derivative is zero by definition (a mask), whatever {@code g} is
     *
     * @param g the upstream gradient
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public double pullback(double g, double x, double out) {
        return g * derivative(x, out);
    }

    /**
     * {@return this op's tangent, given its input's tangent {@code dx}: {@code op'(x) · dx}}, or
     * exactly 0 where the derivative is zero by definition (a mask). An elementwise op's Jacobian
     * is diagonal, so its tangent rule is its pullback applied to the tangent, masks and NaN
     * included: forward and reverse mode agree entry by entry.
     *
     * @param dx the input's tangent
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public double tangent(double dx, double x, double out) {
        return pullback(dx, x, out);
    }

    /**
     * {@return the local derivative as an expression in the input {@code x} and the node {@code out} itself}
     *
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public abstract Expr derivative(Expr x, Expr out);

    /**
     * {@return what this op passes to its input, as an expression: {@code g} times the local
     * derivative}, or a {@link BinaryOp#GATE} where the derivative is zero by definition, so
     * that the symbolic rule masks as the numeric one does
     *
     * @param g the upstream gradient
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public Expr pullback(Expr g, Expr x, Expr out) {
        return Exprs.times(g, derivative(x, out));
    }

    /** {@return the name in the text syntax, the DSL and {@link Expr#op()}, such as {@code sin}} */
    public String syntax() {
        return name;
    }

    /** {@return the Unicode notation} */
    public Notation unicode() {
        return unicode;
    }

    /** {@return the LaTeX notation} */
    public Notation latex() {
        return latex;
    }

    /** {@return where the op is defined and smooth, with a margin: the testkit draws inputs there} */
    public Domain domain() {
        return domain;
    }

    // ---- the interpreters' entry points ----
    // The passes call these rather than op.value(x): each arm names its constant, so the JIT
    // knows the exact receiver and inlines that constant's own body, where a virtual call from a
    // loop that meets many ops would not be inlined. Adding a constant fails to compile until it
    // has its arm here.

    /**
     * {@return {@code op.value(x)}, dispatched so that the JIT inlines it}
     *
     * @param op the operation
     * @param x the input
     */
    public static double value(UnaryOp op, double x) {
        return switch (op) {
            case NEG -> NEG.value(x);
            case SQUARE -> SQUARE.value(x);
            case INV -> INV.value(x);
            case SQRT -> SQRT.value(x);
            case EXP -> EXP.value(x);
            case EXPM1 -> EXPM1.value(x);
            case LOG -> LOG.value(x);
            case LOG1P -> LOG1P.value(x);
            case SOFTPLUS -> SOFTPLUS.value(x);
            case SIN -> SIN.value(x);
            case COS -> COS.value(x);
            case TAN -> TAN.value(x);
            case TANH -> TANH.value(x);
            case ATAN -> ATAN.value(x);
            case SIGMOID -> SIGMOID.value(x);
            case RELU -> RELU.value(x);
            case ABS -> ABS.value(x);
            case SIGN -> SIGN.value(x);
            case ERF -> ERF.value(x);
        };
    }

    /**
     * {@return {@code op.pullback(g, x, out)}, dispatched so that the JIT inlines it}
     *
     * @param op the operation
     * @param g the upstream gradient
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public static double pullback(UnaryOp op, double g, double x, double out) {
        // Two switches, each small enough for the JIT to take into a pass's loop; one was not. Each
        // names every constant, the other half's in one arm, so that a new one without its arm
        // does not compile.
        return op.ordinal() < SIN.ordinal() ? pullbackBeforeSin(op, g, x, out) : pullbackFromSin(op, g, x, out);
    }

    /**
     * {@return {@code op.tangent(dx, x, out)}, dispatched so that the JIT inlines it}: the
     * pullback's switch, since {@link #tangent(double, double, double)} is the pullback applied
     * to the tangent for every constant
     *
     * @param op the operation
     * @param dx the input's tangent
     * @param x the input
     * @param out the op's value at {@code x}
     */
    public static double tangent(UnaryOp op, double dx, double x, double out) {
        return pullback(op, dx, x, out);
    }

    private static double pullbackBeforeSin(UnaryOp op, double g, double x, double out) {
        return switch (op) {
            case NEG -> NEG.pullback(g, x, out);
            case SQUARE -> SQUARE.pullback(g, x, out);
            case INV -> INV.pullback(g, x, out);
            case SQRT -> SQRT.pullback(g, x, out);
            case EXP -> EXP.pullback(g, x, out);
            case EXPM1 -> EXPM1.pullback(g, x, out);
            case LOG -> LOG.pullback(g, x, out);
            case LOG1P -> LOG1P.pullback(g, x, out);
            case SOFTPLUS -> SOFTPLUS.pullback(g, x, out);
            case SIN, COS, TAN, TANH, ATAN, SIGMOID, RELU, ABS, SIGN, ERF -> throw new IllegalStateException(op + " comes after sin");
        };
    }

    private static double pullbackFromSin(UnaryOp op, double g, double x, double out) {
        return switch (op) {
            case SIN -> SIN.pullback(g, x, out);
            case COS -> COS.pullback(g, x, out);
            case TAN -> TAN.pullback(g, x, out);
            case TANH -> TANH.pullback(g, x, out);
            case ATAN -> ATAN.pullback(g, x, out);
            case SIGMOID -> SIGMOID.pullback(g, x, out);
            case RELU -> RELU.pullback(g, x, out);
            case ABS -> ABS.pullback(g, x, out);
            case SIGN -> SIGN.pullback(g, x, out);
            case ERF -> ERF.pullback(g, x, out);
            case NEG, SQUARE, INV, SQRT, EXP, EXPM1, LOG, LOG1P, SOFTPLUS -> throw new IllegalStateException(op + " comes before sin");
        };
    }

    /**
     * {@return the op of this syntax name, if any}
     *
     * @param name the op's name in the text syntax
     */
    public static Optional<UnaryOp> named(String name) {
        Objects.requireNonNull(name, "name is null");
        for (UnaryOp op : values()) {
            if (op.name.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }

    /** {@return the logistic sigmoid, with no overflow for large {@code |x|}} */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }
}
