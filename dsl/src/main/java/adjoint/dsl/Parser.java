package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.Unary;
import java.util.function.Function;

/**
 * A recursive-descent parser of the text syntax. Nesting is bounded, so deep text fails with a
 * parse error rather than a stack overflow.
 * <pre>
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/') unary)*
 * unary    := '-' unary | power
 * power    := atom ('^' unary)?            right-associative, tighter than unary minus
 * atom     := number | 'pi' | 'e' | name '(' sum ')' | name | '(' sum ')'
 * </pre>
 * {@code a ^ 2} with a number (or a negated number) for exponent is {@link Unary.Power}; any
 * other exponent gives {@link Binary.Pow}. A minus sign directly before a number makes a
 * negative constant.
 */
final class Parser {

    /** Parentheses and operators may nest this deep. */
    static final int MAX_DEPTH = 500;

    private final String text;
    private int pos;
    private int depth;

    private Parser(String text) {
        this.text = text;
    }

    static Expr parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw p.error("expected an expression");
        }
        Expr e = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("expected an operator (+ - * / ^) or the end, found '" + text.charAt(p.pos) + "'");
        }
        return e;
    }

    private Expr sum() {
        enter();
        Expr e = product();
        while (true) {
            skipSpace();
            if (eat('+')) {
                e = new Binary.Add(e, product());
            } else if (eat('-')) {
                e = new Binary.Sub(e, product());
            } else {
                depth--;
                return e;
            }
        }
    }

    private Expr product() {
        Expr e = unary();
        while (true) {
            skipSpace();
            if (eat('*')) {
                e = new Binary.Mul(e, unary());
            } else if (eat('/')) {
                e = new Binary.Div(e, unary());
            } else {
                return e;
            }
        }
    }

    private Expr unary() {
        skipSpace();
        if (eat('-')) {
            enter();
            skipSpace();
            int start = pos;
            Expr operand = unary();
            depth--;
            if (operand instanceof Leaf.Constant c && onlyNumber(start)) {
                return new Leaf.Constant(-c.value());
            }
            return new Unary.Neg(operand);
        }
        return power();
    }

    private Expr power() {
        Expr base = atom();
        skipSpace();
        if (!eat('^')) {
            return base;
        }
        enter();
        skipSpace();
        int start = pos;
        boolean negative = text.startsWith("-", pos);
        Expr exponent = unary();
        depth--;
        int numberStart = negative ? firstNonSpace(start + 1) : start;
        if (exponent instanceof Leaf.Constant c && onlyNumber(numberStart)) {
            return new Unary.Power(base, c.value());
        }
        return new Binary.Pow(base, exponent);
    }

    private Expr atom() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("expected a number, a name or '(', found the end");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr e = sum();
            skipSpace();
            if (!eat(')')) {
                throw error(pos >= text.length() ? "expected ')', found the end" : "expected ')', found '" + text.charAt(pos) + "'");
            }
            return e;
        }
        if (isNumberAt(pos)) {
            int end = endOfNumber(pos);
            double v = Double.parseDouble(text.substring(pos, end));
            pos = end;
            return new Leaf.Constant(v);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                Function<Expr, Expr> f = Functions.BY_NAME.get(name).getOrElse((Function<Expr, Expr>) null);
                if (f == null) {
                    pos = start;
                    throw error("unknown function '" + name + "'" + Functions.nearest(name).map(n -> "; did you mean '" + n + "'?")
                            .getOrElse("; known: " + Functions.BY_NAME.keySet().mkString(", ")));
                }
                pos++;
                Expr arg = sum();
                skipSpace();
                if (!eat(')')) {
                    throw error("expected ')' to close " + name + "(");
                }
                return f.apply(arg);
            }
            if (Functions.BY_NAME.containsKey(name)) {
                throw error("expected '(' after the function " + name);
            }
            return switch (name) {
                case "pi" -> new Leaf.Constant(Math.PI);
                case "e" -> new Leaf.Constant(Math.E);
                default -> new Leaf.Variable(name);
            };
        }
        throw error("expected a number, a name or '(', found '" + c + "'");
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep");
        }
    }

    private boolean isNumberAt(int i) {
        return i < text.length() && (Character.isDigit(text.charAt(i))
                || text.charAt(i) == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)));
    }

    /** {@return whether the text from {@code start} up to the current position is one number literal} */
    private boolean onlyNumber(int start) {
        return isNumberAt(start) && firstNonSpace(endOfNumber(start)) == firstNonSpace(pos);
    }

    private int endOfNumber(int i) {
        int j = i;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '.') {
            j++;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < text.length() && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < text.length() && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < text.length() && Character.isDigit(text.charAt(k))) {
                j = k;
                while (j < text.length() && Character.isDigit(text.charAt(j))) {
                    j++;
                }
            }
        }
        return j;
    }

    private int firstNonSpace(int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private void skipSpace() {
        pos = firstNonSpace(pos);
    }

    private boolean eat(char c) {
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private ParseException error(String problem) {
        return new ParseException(problem, text, pos + 1);
    }
}
