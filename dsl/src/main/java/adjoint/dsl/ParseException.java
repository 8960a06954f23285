package adjoint.dsl;

import adjoint.expr.AdjointException;

/**
 * Thrown for text that is not an expression: the message gives the column, the text with a
 * caret under the spot, and what was expected there.
 */
public final class ParseException extends AdjointException {

    private static final long serialVersionUID = 1L;

    /** The column, counted from 1, where the problem is. */
    private final int column;
    /** What is wrong, without the column and the picture. */
    private final String problem;

    ParseException(String problem, String text, int column) {
        super(problem + " at column " + column + "\n  " + text + "\n  " + " ".repeat(Math.max(0, column - 1)) + "^");
        this.column = column;
        this.problem = problem;
    }

    /** {@return what is wrong, without the column and the picture} */
    public String problem() {
        return problem;
    }

    /** {@return the 1-based column of the problem} */
    public int column() {
        return column;
    }

    /** {@return the first line of the message: what is wrong and where, without the picture} */
    public String summary() {
        String m = getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
