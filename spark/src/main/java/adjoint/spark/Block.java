package adjoint.spark;

import java.io.Serializable;

/**
 * One batch of rows, split among the data variables: {@code data[k]} is data variable
 * {@code k}'s rows, as many as the batch has.
 *
 * @param batch the batch's number, from 0, by the rows' order in the data set
 * @param data each data variable's rows
 */
record Block(long batch, double[][][] data) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** {@return the number of rows} */
    int rows() {
        return data[0].length;
    }
}
