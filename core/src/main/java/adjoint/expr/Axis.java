package adjoint.expr;

/** Rows or columns: the axis along which a structural op slices, concatenates or sums. */
public enum Axis {
    /** Along the rows: {@code slice_rows}, {@code concat_rows} (stacked), {@code sum_rows} (one sum per row). */
    ROWS,
    /** Along the columns: {@code slice_cols}, {@code concat_cols} (side by side), {@code sum_cols} (one sum per column). */
    COLS;

    /**
     * {@return how many rows (for {@link #ROWS}) or columns a shape has}
     *
     * @param s the shape
     */
    public int count(Shape s) {
        return this == ROWS ? s.rows() : s.cols();
    }

    /**
     * {@return how many columns (for {@link #ROWS}) or rows a shape has: its size across this axis}
     *
     * @param s the shape
     */
    public int across(Shape s) {
        return this == ROWS ? s.cols() : s.rows();
    }

    /**
     * {@return the shape with {@code count} along this axis and {@code across} across it}
     *
     * @param count the rows (for {@link #ROWS}) or columns
     * @param across the size across
     */
    public Shape shape(int count, int across) {
        return this == ROWS ? Shape.of(count, across) : Shape.of(across, count);
    }

    /** {@return the axis's word in messages: {@code rows} or {@code cols}} */
    public String word() {
        return this == ROWS ? "rows" : "cols";
    }
}
