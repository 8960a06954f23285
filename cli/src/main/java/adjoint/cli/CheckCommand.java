package adjoint.cli;

import adjoint.check.CheckReport;
import adjoint.check.GradientCheck;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adjoint check}: backprop against finite differences; exit status 1 if they disagree. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the gradient against finite differences; exit status 1 if it fails.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ExpressionAt input;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        CheckReport r = GradientCheck.defaults().check(input.expression(), input.bindings());
        spec.commandLine().getOut().print(r.render());
        return r.passed() ? 0 : Main.FAILED;
    }
}
