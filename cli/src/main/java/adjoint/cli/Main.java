package adjoint.cli;

import adjoint.dsl.Syntax;
import adjoint.dsl.ParseException;
import adjoint.expr.AdjointException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code adjoint} command's entry point. Exit status: 0 on success, 1 when a gradient check
 * fails, 2 for bad input (a parse error, an unbound or unknown variable, a malformed option),
 * reported as one line on standard error, never a stack trace.
 */
public final class Main {

    /** Exit status of a check that failed. */
    static final int FAILED = 1;
    /** Exit status of bad input. */
    static final int BAD_INPUT = 2;

    private Main() {}

    /** Runs the command and exits with its status. */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        if (status != 0) {
            // Only a failure exits explicitly: System.exit starts the JDK's logging, a cost at every start.
            System.exit(status);
        }
    }

    /** {@return the exit status of running the command with {@code args}, writing to {@code out} and {@code err}} */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Picocli reads a command's annotations when it is built, most of the start-up time:
        // a subcommand named first is built alone, the whole command only for help and errors.
        Object sub = args.length == 0 ? null : switch (args[0]) {
            case "grad" -> new GradCommand();
            case "check" -> new CheckCommand();
            case "trace" -> new TraceCommand();
            case "graph" -> new GraphCommand();
            case "diff" -> new DiffCommand();
            case "grade" -> new GradeCommand();
            case "eval" -> new EvalCommand();
            case "jvp" -> new JvpCommand();
            case "hvp" -> new HvpCommand();
            case "hessian" -> new HessianCommand();
            case "serve" -> new ServeCommand();
            default -> null;
        };
        CommandLine cli;
        if (sub != null) {
            cli = new CommandLine(sub).setCommandName("adjoint " + args[0]);
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        } else {
            cli = new CommandLine(new AdjointCommand());
            cli.getCommandSpec().usageMessage().footer("%nFunctions of the text syntax: " + String.join(" ", Syntax.functions()) + "."
                    + "%nsoftmax_cross_entropy(Z, Y) is -(1/n) sum_ij Y_ij log_softmax(Z)_ij: the targets Y may be one-hot, soft"
                    + " or zero rows, as PyTorch's cross_entropy with class probabilities.");
        }
        // An expression such as -x^2 is not an option: unknown options are read as the expression.
        cli.setUnmatchedOptionsArePositionalParams(true);
        args = expressionsAfterDoubleDash(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("adjoint: " + Text.visible(e.getMessage().lines().findFirst().orElse("bad arguments")));
            err.flush();
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            err.println("adjoint: " + Text.visible(oneLine(e)));
            err.flush();
            return e instanceof AdjointException || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    || e instanceof UncheckedIOException || e instanceof IOException ? BAD_INPUT : 3;
        });
        int status;
        try {
            status = cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("adjoint: out of memory: the expression needs more than the JVM's heap of "
                    + Runtime.getRuntime().maxMemory() / (1L << 20) + " MB (raise it with JAVA_TOOL_OPTIONS=-Xmx...)");
            status = BAD_INPUT;
        } catch (StackOverflowError e) {
            err.println("adjoint: the thread's stack overflowed; this is a bug of adjoint, please report it with the command");
            status = BAD_INPUT;
        }
        out.flush();
        err.flush();
        return status;
    }

    /**
     * {@return the arguments with each {@code --} taken out and the argument after it marked as
     * not an option}: {@code grad -- "-x^2" --at x=1} reads as {@code grad "-x^2" --at x=1}, so
     * that {@code --at} still counts after it, and an expression such as {@code -h} is not the
     * help option (a leading space, which the syntax skips, keeps picocli from reading it so)
     */
    static String[] expressionsAfterDoubleDash(String[] args) {
        java.util.List<String> out = new java.util.ArrayList<>(args.length);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--") && i + 1 < args.length) {
                String next = args[++i];
                out.add(next.startsWith("-") ? " " + next : next);
            } else if (!args[i].equals("--")) {
                out.add(args[i]);
            }
        }
        return out.toArray(String[]::new);
    }

    private static String oneLine(Exception e) {
        String message = e instanceof ParseException p ? p.summary() : e.getMessage();
        if (message == null) {
            return "internal error: " + e;
        }
        return message.lines().findFirst().orElse(message);
    }
}
