package adjoint.dsl;

import adjoint.expr.BinaryOp;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import adjoint.expr.Binary;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A recursive-descent parser of the text syntax. Nesting is bounded, so deep text fails with a
 * parse error rather than a stack overflow.
 * <pre>
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/') unary)*
 * unary    := '-' unary | power
 * power    := atom ('^' unary)?            right-associative, tighter than unary minus
 * atom     := number | 'pi' | 'e' | name '(' sum (',' sum)* ')' | name | '(' sum ')'
 * </pre>
 * Function names and their number of arguments come from the op tables ({@link Functions}). A
 * minus sign directly before a number makes a negative constant.
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
                e = new Binary(BinaryOp.ADD, e, product());
            } else if (eat('-')) {
                e = new Binary(BinaryOp.SUB, e, product());
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
                e = new Binary(BinaryOp.MUL, e, unary());
            } else if (eat('/')) {
                e = new Binary(BinaryOp.DIV, e, unary());
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
            return new Unary(UnaryOp.NEG, operand);
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
        Expr exponent = unary();
        depth--;
        return new Binary(BinaryOp.POW, base, exponent);
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
                Optional<Integer> arity = Functions.arity(name);
                if (arity.isEmpty()) {
                    pos = start;
                    throw error("unknown function '" + name + "'" + Functions.nearest(name).map(n -> "; did you mean '" + n + "'?")
                            .orElse("; known: " + String.join(", ", Functions.names())));
                }
                pos++;
                List<Expr> args = new ArrayList<>();
                args.add(sum());
                skipSpace();
                while (eat(',')) {
                    args.add(sum());
                    skipSpace();
                }
                if (args.size() != arity.get()) {
                    throw error(name + " takes " + arity.get() + (arity.get() == 1 ? " argument" : " arguments") + ", got "
                            + args.size());
                }
                if (!eat(')')) {
                    throw error("expected ')' to close " + name + "(");
                }
                return Functions.apply(name, args);
            }
            if (Functions.arity(name).isPresent()) {
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
