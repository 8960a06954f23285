package adjoint.cli;

import picocli.CommandLine.Command;

/** The {@code adjoint} command and its subcommands. */
@Command(name = "adjoint", mixinStandardHelpOptions = true, version = "adjoint 0.1.0",
        description = "Reverse-mode automatic differentiation of an expression given as text, such as"
                + " '1/(2 + sin(x1*w1)^2 + cos(x2*w2))'.",
        subcommands = {GradCommand.class, EvalCommand.class, JvpCommand.class, HvpCommand.class, HessianCommand.class, CheckCommand.class, GradeCommand.class, TraceCommand.class, GraphCommand.class,
            DiffCommand.class, ServeCommand.class})
final class AdjointCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand, prints the usage. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
