package adjoint.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint grade}: a hand-derived gradient graded against backprop, as the page grades it. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = "Grade a hand-derived gradient, one 'name = answer' per line (a number, a matrix literal or a formula),"
                + " read from --file or standard input. Exit status 0 when every answer is right, 1 when one is wrong or"
                + " missing, 2 when a line or the input cannot be read.")
final class GradeCommand implements Callable<Integer> {

    /** Where the derivation is read from when there is no --file; standard input by default. */
    static InputStream stdin = System.in;

    @Mixin
    ExpressionAt input;

    @Option(names = "--file", paramLabel = "FILE", description = "The derivation; standard input if not given.")
    Path file;

    @Option(names = "--json", description = "Print one JSON object: {\"right\": true|false, \"verdicts\": [{\"line\": N,"
            + " \"variable\": \"x\", \"verdict\": \"right|wrong|missing|error\", \"text\": \"...\"}, ...]}.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String derivation = file != null ? Files.readString(file, StandardCharsets.UTF_8)
                : new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        var f = input.expression().asScalar();
        List<Verdict> verdicts = Grading.grade(f, f.compile(), input.bindings(), derivation);
        PrintWriter out = spec.commandLine().getOut();
        boolean right = !verdicts.isEmpty() && verdicts.stream().allMatch(Verdict::right);
        if (json) {
            StringBuilder sb = new StringBuilder("{\"right\": ").append(right).append(", \"verdicts\": [");
            for (int i = 0; i < verdicts.size(); i++) {
                Verdict v = verdicts.get(i);
                sb.append(i == 0 ? "" : ", ").append("{\"line\": ").append(v.line()).append(", \"variable\": ")
                        .append(v.variable() == null ? "null" : Json.string(v.variable())).append(", \"verdict\": ")
                        .append(Json.string(v.kind().name().toLowerCase(Locale.ROOT))).append(", \"text\": ")
                        .append(Json.string(v.text())).append('}');
            }
            out.println(sb.append("]}"));
        } else {
            for (Verdict v : verdicts) {
                out.println(Text.visible(v.text()));
            }
        }
        if (verdicts.stream().anyMatch(v -> v.kind() == Verdict.Kind.ERROR)) {
            return 2;
        }
        return right ? 0 : 1;
    }
}
