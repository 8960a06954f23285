package adjoint.doctests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The documents are tests, as Rust's doc tests are: every Java block of the README and of
 * {@code docs/} runs ({@link Snippets}), and every output a document shows is compared with the
 * real one ({@link Expected}): a transcript's {@code $ command} lines run under bash from the
 * project's root, a block marked {@code <!-- doctest: output of: COMMAND -->} is that command's
 * output, and one marked {@code <!-- doctest: output of java: CLASS -->} what that class's
 * {@code main}, declared in a Java block above, prints. A block marked
 * {@code <!-- doctest: skip: WHY -->} is not run. The commands need the modules built, as
 * {@code ./mvnw verify} has done by the time it gets here.
 */
class DocumentsTest {

    /** How long one command of a document may take. */
    static final long SECONDS = 180;

    private static final Pattern EXIT = Pattern.compile("\\(exit status (\\d+)\\)");
    private static final List<Snippets> SHELLS = new ArrayList<>();

    @AfterAll
    static void close() {
        System.out.println("[DocumentsTest] values written in Java comments and checked: " + Snippets.CHECKED.get());
        SHELLS.forEach(Snippets::close);
    }

    @TestFactory
    Stream<DynamicNode> theReadme() throws IOException {
        return document(Shell.ROOT.resolve("README.md"));
    }

    @TestFactory
    Stream<DynamicNode> theDocs() throws IOException {
        List<DynamicNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Shell.ROOT.resolve("docs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                docs.add(DynamicContainer.dynamicContainer(f.getFileName().toString(), document(f)));
            }
        }
        return docs.stream();
    }

    private static Stream<DynamicNode> document(Path file) throws IOException {
        List<DynamicNode> tests = new ArrayList<>();
        Snippets[] shell = new Snippets[1];
        for (Markdown.Block b : Markdown.blocks(file)) {
            String directive = b.directive() == null ? "" : b.directive();
            if (directive.startsWith("skip:")) {
                continue;
            }
            if (b.info().equals("java")) {
                tests.add(DynamicTest.dynamicTest(b.where() + " runs", () -> snippets(shell).run(b)));
            } else if (directive.equals("jshell")) {
                tests.add(DynamicTest.dynamicTest(b.where() + " is a JShell session", () -> session(b)));
            } else if (directive.startsWith("output of java:")) {
                String main = directive.substring("output of java:".length()).strip();
                String simple = main.substring(main.lastIndexOf('.') + 1);
                tests.add(DynamicTest.dynamicTest(b.where() + " is what " + main + " prints", () ->
                        compare(b, b.lines(), snippets(shell).printedBy(simple + ".main(new String[0]);", b.where()), 0, 0)));
            } else if (directive.startsWith("output of:")) {
                String command = directive.substring("output of:".length()).strip();
                tests.add(DynamicTest.dynamicTest(b.where() + " is what `" + command + "` prints", () -> transcript(b, command,
                        b.lines())));
            } else if (b.transcript()) {
                List<String> lines = b.lines();
                for (int i = 0; i < lines.size(); ) {
                    String command = lines.get(i).substring(2);
                    int end = i + 1;
                    while (end < lines.size() && !lines.get(end).startsWith("$ ")) {
                        end++;
                    }
                    List<String> expected = new ArrayList<>(lines.subList(i + 1, end));
                    while (!expected.isEmpty() && expected.get(expected.size() - 1).isBlank()) {
                        expected.remove(expected.size() - 1);
                    }
                    int line = b.line() + 1 + i;
                    tests.add(DynamicTest.dynamicTest(b.file().getFileName() + ":" + line + " $ " + command,
                            () -> transcript(b, command, expected)));
                    i = end;
                }
            } else if (directive.startsWith("output of") || !directive.isEmpty()) {
                throw new IllegalStateException(b.where() + ": unknown doctest directive '" + directive + "'");
            }
        }
        return tests.stream();
    }

    /**
     * Checks a JShell session as a document shows it, after the line that starts JShell: the
     * {@code jshell> } inputs run in order in one JShell, and the lines after an input until the
     * next are what JShell shows, {@code $4 ==> value} for an expression's value.
     */
    private static void session(Markdown.Block b) {
        try (Snippets shell = new Snippets()) {
            List<String> lines = b.lines();
            for (int i = 1; i < lines.size(); i++) {
                String input = lines.get(i).substring("jshell> ".length());
                int end = i + 1;
                while (end < lines.size() && !lines.get(end).startsWith("jshell> ")) {
                    end++;
                }
                String where = b.file().getFileName() + ":" + (b.line() + 1 + i);
                String value = shell.shown(input, where);
                if (end > i + 1) {
                    String shown = String.join("\n", lines.subList(i + 1, end));
                    String expected = shown.substring(shown.indexOf("==> ") + 4);
                    if (!Expected.line(expected, value)) {
                        throw new AssertionError(where + ": JShell shows\n" + value + "\nbut the document\n" + expected);
                    }
                }
                i = end - 1;
            }
        }
    }

    private static Snippets snippets(Snippets[] shell) {
        if (shell[0] == null) {
            shell[0] = new Snippets();
            SHELLS.add(shell[0]);
        }
        return shell[0];
    }

    private static void transcript(Markdown.Block b, String command, List<String> expected) throws Exception {
        List<String> want = new ArrayList<>(expected);
        int status = 0;
        if (!want.isEmpty()) {
            Matcher m = EXIT.matcher(want.get(want.size() - 1).strip());
            if (m.matches()) {
                status = Integer.parseInt(m.group(1));
                want.remove(want.size() - 1);
            }
        }
        Shell.Result r = Shell.run(command, SECONDS);
        compare(b, want, r.lines(), status, r.status());
    }

    private static void compare(Markdown.Block b, List<String> expected, List<String> actual, int status, int actualStatus) {
        String mismatch = Expected.mismatch(expected, actual);
        if (mismatch != null) {
            throw new AssertionError(b.where() + ": the document shows another output; " + mismatch);
        }
        assertThat(actualStatus).as(b.where() + ": the exit status").isEqualTo(status);
    }
}
