package adjoint.dsl;

import adjoint.expr.Binary;
import adjoint.expr.BinaryOp;
import adjoint.expr.Expr;
import adjoint.expr.Leaf;
import adjoint.expr.MatMul;
import adjoint.expr.Shape;
import adjoint.expr.ShapeMismatchException;
import adjoint.expr.Unary;
import adjoint.expr.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;

/**
 * A recursive-descent parser of the text syntax. Nesting is bounded, so deep text fails with a
 * parse error rather than a stack overflow.
 * <pre>
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/' | '@') unary)*
 * unary    := '-' unary | power
 * power    := atom ('^' unary)?            right-associative, tighter than unary minus
 * atom     := number | literal | 'pi' | 'e' | name '(' sum (',' sum)* ')' | name | '`' any '`' | '(' sum ')'
 * literal  := '[' signed (',' signed)* ']' | '[' '[' ... ']' (',' '[' ... ']')* ']'
 * </pre>
 * Function names and their number of arguments come from the op tables ({@link Functions}). A
 * minus sign directly before a number makes a negative constant. A variable's shape comes from
 * the map of shapes given, a scalar if it is not there. In {@code + - * / ^}, {@code max} and
 * {@code min} a scalar meets a matrix by repeating into every entry, and a {@code 1 x n} row
 * meets an {@code m x n} matrix by repeating into every row. A shape mismatch is a parse error
 * at the operator, with the library's message.
 */
final class Parser {

    /** Parentheses and operators may nest this deep. */
    static final int MAX_DEPTH = 500;

    private final String text;
    private final Map<String, Shape> shapes;
    private int pos;
    private int depth;

    private Parser(String text, Map<String, Shape> shapes) {
        this.text = text;
        this.shapes = shapes;
    }

    static Expr parse(String text, Map<String, Shape> shapes) {
        Parser p = new Parser(text, shapes);
        p.skipSpace();
        if (p.pos == text.length()) {
            throw p.error("expected an expression");
        }
        Expr e = p.sum();
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("expected an operator (+ - * / @ ^) or the end, found '" + text.charAt(p.pos) + "'" + p.sideBySide());
        }
        return e;
    }

    /**
     * {@return the value of a literal alone, a number or a matrix}: the rows of a matrix, a
     * column for {@code [1, 2, 3]}, {@code 1x1} for a number
     *
     * @throws ParseException if the text is not one literal
     */
    static double[][] literal(String text) {
        Parser p = new Parser(text, Map.of());
        p.skipSpace();
        double[][] value;
        if (p.pos < text.length() && text.charAt(p.pos) == '[') {
            value = p.matrixLiteral();
        } else {
            value = new double[][] {{p.signedNumber()}};
        }
        p.skipSpace();
        if (p.pos < text.length()) {
            throw p.error("expected the end of the value, found '" + text.charAt(p.pos) + "'");
        }
        return value;
    }

    private Expr sum() {
        enter();
        Expr e = product();
        while (true) {
            skipSpace();
            int at = pos;
            if (eat('+')) {
                e = elementwise(BinaryOp.ADD, e, product(), at);
            } else if (eat('-')) {
                e = elementwise(BinaryOp.SUB, e, product(), at);
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
            int at = pos;
            if (eat('*')) {
                e = elementwise(BinaryOp.MUL, e, unary(), at);
            } else if (eat('/')) {
                e = elementwise(BinaryOp.DIV, e, unary(), at);
            } else if (eat('@')) {
                Expr a = e;
                Expr b = unary();
                e = build(at, () -> new MatMul(a, b));
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
        int at = pos;
        if (!eat('^')) {
            return base;
        }
        enter();
        Expr exponent = unary();
        depth--;
        return elementwise(BinaryOp.POW, base, exponent, at);
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
                throw error(pos >= text.length() ? "expected ')', found the end"
                        : "expected ')', found '" + text.charAt(pos) + "'" + sideBySide());
            }
            return e;
        }
        if (c == '[') {
            double[][] rows = matrixLiteral();
            return rows.length == 1 && rows[0].length == 1 ? new Leaf.Constant(rows[0][0])
                    : new Leaf.MatrixConstant(new Array2DRowRealMatrix(rows, false));
        }
        if (isNumberAt(pos)) {
            return new Leaf.Constant(number());
        }
        if (Syntax.isNameStart(c)) {
            int start = pos;
            while (pos < text.length() && Syntax.isNamePart(text.charAt(pos))) {
                pos++;
            }
            String name = text.substring(start, pos);
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == '(') {
                return call(name, start);
            }
            if (Functions.arity(name).isPresent()) {
                throw error("expected '(' after the function " + name);
            }
            return switch (name) {
                case "pi" -> new Leaf.Constant(Math.PI);
                case "e" -> new Leaf.Constant(Math.E);
                case "inf" -> new Leaf.Constant(Double.POSITIVE_INFINITY);
                case "nan" -> new Leaf.Constant(Double.NaN);
                default -> new Leaf.Variable(name, shapes.getOrDefault(name, Shape.SCALAR));
            };
        }
        if (c == '`') {
            int start = pos++;
            int end = text.indexOf('`', pos);
            if (end < 0 || end == pos) {
                pos = start;
                throw error(end < 0 ? "a name in backquotes needs its closing '`'" : "a name in backquotes is empty");
            }
            String name = text.substring(pos, end);
            pos = end + 1;
            return new Leaf.Variable(name, shapes.getOrDefault(name, Shape.SCALAR));
        }
        throw error("expected a number, a name or '(', found '" + c + "'"
                + (c == '*' && pos > 0 && text.charAt(pos - 1) == '*' ? "; a power is written ^, as in x^2, not **" : ""));
    }

    /** {@return a hint when a name or number follows a complete operand: a product written without its {@code *}} */
    private String sideBySide() {
        char c = text.charAt(pos);
        return Syntax.isNameStart(c) || c >= '0' && c <= '9' || c == '(' ? "; a product is written with *, as in x1*w1" : "";
    }

    private Expr call(String name, int start) {
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
            throw error(name + " takes " + arity.get() + (arity.get() == 1 ? " argument" : " arguments") + ", got " + args.size());
        }
        if (!eat(')')) {
            throw error("expected ')' to close " + name + "(" + (pos < text.length() ? sideBySide() : ""));
        }
        return build(start, () -> Functions.apply(name, args));
    }

    /** {@return {@code op} on {@code a} and {@code b}, a scalar or a row repeated to meet a matrix} */
    private Expr elementwise(BinaryOp op, Expr a, Expr b, int at) {
        try {
            return build(at, () -> Functions.elementwise(op, a, b));
        } catch (ParseException e) {
            boolean product = op == BinaryOp.MUL && a.shape().cols() == b.shape().rows() && !a.shape().isScalar() && !b.shape().isScalar();
            if (!product) {
                throw e;
            }
            pos = at;
            throw error(e.problem() + "; * multiplies entry by entry: for the matrix product " + a.shape() + " times "
                    + b.shape() + " write @");
        }
    }

    /** {@return the node {@code make} builds, a shape mismatch reported as a parse error at {@code at}} */
    private Expr build(int at, Supplier<Expr> make) {
        try {
            return make.get();
        } catch (ShapeMismatchException | IllegalArgumentException e) {
            pos = at;
            throw error(e.getMessage().lines().findFirst().orElse("shape mismatch"));
        }
    }

    /** {@return the rows of a matrix literal: {@code [[1, 2], [3, 4]]}, or a column {@code [1, 2, 3]}} */
    private double[][] matrixLiteral() {
        int start = pos;
        expect('[');
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '[') {
            List<double[]> rows = new ArrayList<>();
            do {
                skipSpace();
                int rowStart = pos;
                expect('[');
                double[] row = numbers(']');
                if (!rows.isEmpty() && row.length != rows.get(0).length) {
                    pos = rowStart;
                    throw error("row " + rows.size() + " has " + row.length + " entries, row 0 has " + rows.get(0).length);
                }
                rows.add(row);
                skipSpace();
            } while (eat(','));
            expect(']');
            return rows.toArray(double[][]::new);
        }
        double[] column = numbers(']');
        if (column.length == 0) {
            pos = start;
            throw error("a matrix has at least one entry");
        }
        double[][] rows = new double[column.length][];
        for (int i = 0; i < column.length; i++) {
            rows[i] = new double[] {column[i]};
        }
        return rows;
    }

    /** {@return numbers separated by commas, up to and including {@code close}} */
    private double[] numbers(char close) {
        List<Double> values = new ArrayList<>();
        skipSpace();
        if (eat(close)) {
            throw error("a row has at least one entry");
        }
        do {
            values.add(signedNumber());
            skipSpace();
        } while (eat(','));
        expect(close);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    /** {@return a number with an optional sign: decimal or scientific, or {@code nan}, {@code inf}} */
    private double signedNumber() {
        skipSpace();
        boolean negative = eat('-');
        if (!negative) {
            eat('+');
        }
        skipSpace();
        for (String word : new String[] {"nan", "inf", "infinity"}) {
            if (text.regionMatches(true, pos, word, 0, word.length())
                    && (pos + word.length() == text.length() || !Syntax.isNamePart(text.charAt(pos + word.length())))) {
                pos += word.length();
                double v = word.equals("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
                return negative ? -v : v;
            }
        }
        if (!isNumberAt(pos)) {
            throw error(pos >= text.length() ? "expected a number, found the end" : "expected a number, found '" + text.charAt(pos) + "'");
        }
        double v = number();
        return negative ? -v : v;
    }

    /** {@return the number literal at the current position}, an overflow being an error */
    private double number() {
        int start = pos;
        int end = endOfNumber(pos);
        double v = Double.parseDouble(text.substring(start, end));
        if (Double.isInfinite(v)) {
            throw error("the number " + text.substring(start, end) + " is too large for a double");
        }
        pos = end;
        return v;
    }

    private void expect(char c) {
        skipSpace();
        if (!eat(c)) {
            throw error(pos >= text.length() ? "expected '" + c + "', found the end" : "expected '" + c + "', found '" + text.charAt(pos) + "'");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private boolean isNumberAt(int i) {
        return i < text.length() && (isDigit(text.charAt(i))
                || text.charAt(i) == '.' && i + 1 < text.length() && isDigit(text.charAt(i + 1)));
    }

    /** {@return whether the text from {@code start} up to the current position is one number literal} */
    private boolean onlyNumber(int start) {
        return isNumberAt(start) && firstNonSpace(endOfNumber(start)) == firstNonSpace(pos);
    }

    private int endOfNumber(int i) {
        int j = i;
        while (j < text.length() && isDigit(text.charAt(j))) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '.') {
            j++;
            while (j < text.length() && isDigit(text.charAt(j))) {
                j++;
            }
        }
        if (j < text.length() && (text.charAt(j) == 'e' || text.charAt(j) == 'E')) {
            int k = j + 1;
            if (k < text.length() && (text.charAt(k) == '+' || text.charAt(k) == '-')) {
                k++;
            }
            if (k < text.length() && isDigit(text.charAt(k))) {
                j = k;
                while (j < text.length() && isDigit(text.charAt(j))) {
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
