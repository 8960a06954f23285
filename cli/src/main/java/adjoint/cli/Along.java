package adjoint.cli;

import adjoint.eval.Bindings;
import java.util.List;
import picocli.CommandLine.Option;

/** The direction of {@code jvp} and {@code hvp}: {@code --along}, in the form of a point. */
final class Along {

    @Option(names = "--along", required = true, paramLabel = "NAME=VALUE,...",
            description = "The direction, as a point is given: x=1,y=0 or 'W=[[1,0],[0,0]]'; a variable it does not name moves by 0."
                    + " May be repeated.")
    List<String> along;

    /** {@return the direction as bindings} */
    Bindings bindings() {
        return Points.parse(along).bindings();
    }
}
