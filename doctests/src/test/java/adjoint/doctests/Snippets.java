package adjoint.doctests;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * The Java blocks of one document, run in order in one JShell, so a block may use what an
 * earlier one declared, as a reader does. A statement with a value written in a comment after
 * it, {@code g.value();  // 0.27242940071159427}, must evaluate to that value (a string
 * without its quotes; {@code ...} stands for any text); a comment that starts with a letter,
 * other than {@code true} or {@code false}, is prose. The blocks leave out their imports:
 * {@link #IMPORTS} are in scope.
 */
final class Snippets implements AutoCloseable {

    /** What every block may use without importing it. */
    static final List<String> IMPORTS = List.of(
            "import static adjoint.dsl.Adjoint.*;",
            "import adjoint.dsl.*;",
            "import adjoint.eval.*;",
            "import adjoint.expr.*;",
            "import adjoint.check.*;",
            "import adjoint.show.*;",
            "import adjoint.optim.*;",
            "import adjoint.symbolic.*;",
            "import adjoint.wire.*;",
            "import java.nio.file.*;",
            "import java.util.List;",
            "import org.apache.commons.math3.linear.*;",
            "import org.apache.commons.math3.special.Gamma;");

    private static final Pattern VALUE_COMMENT = Pattern.compile(";\\s*//\\s*(.+?)\\s*$");

    /** How many values written in comments were checked, by all the JShells. */
    static final java.util.concurrent.atomic.AtomicInteger CHECKED = new java.util.concurrent.atomic.AtomicInteger();

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Snippets() {
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        shell = JShell.builder().executionEngine("local").out(out).err(out).build();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                shell.addToClasspath(entry);
            }
        }
        analysis = shell.sourceCodeAnalysis();
        for (String i : IMPORTS) {
            eval(i, null, "the imports");
        }
    }

    /** {@return what the block printed}, having checked each value its comments show */
    List<String> run(Markdown.Block block) {
        return printing(() -> evaluate(block));
    }

    /** Evaluates a block's snippets one by one, as they complete, checking the values its comments show. */
    private void evaluate(Markdown.Block block) {
        String pending = "";
        for (int i = 0; i < block.lines().size(); i++) {
            String line = block.lines().get(i);
            if (pending.isEmpty() && line.startsWith("package ")) {
                continue;
            }
            pending += line + "\n";
            String where = block.file().getFileName() + ":" + (block.line() + 1 + i);
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
            while (info.completeness().isComplete() && info.completeness() != SourceCodeAnalysis.Completeness.EMPTY) {
                String rest = info.remaining().strip();
                boolean last = rest.isEmpty() || rest.startsWith("//") && !rest.contains("\n");
                eval(info.source(), last ? expectedValue(line) : null, where);
                pending = info.remaining();
                info = analysis.analyzeCompletion(pending);
            }
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                pending = "";
            }
        }
        if (!pending.isBlank()) {
            throw new AssertionError(block.where() + ": the block ends inside a statement: " + pending.strip());
        }
    }

    /** {@return what {@code code} printed}, run after the blocks so far */
    List<String> printedBy(String code, String where) {
        return printing(() -> eval(code, null, where));
    }

    /** {@return the lines {@code work} printed on standard output, which the local JShell shares} */
    private List<String> printing(Runnable work) {
        printed.reset();
        PrintStream before = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            work.run();
        } finally {
            System.out.flush();
            System.setOut(before);
        }
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** {@return how JShell shows the value of {@code code}, as {@code "sin(x)"} for a string}, run after the snippets so far */
    String shown(String code, String where) {
        String[] value = new String[1];
        // Typed at the prompt, a snippet may leave out its semicolon; JShell's API takes it whole.
        for (SnippetEvent e : shell.eval(code.strip().endsWith(";") ? code : code + ";")) {
            if (e.causeSnippet() == null) {
                check(e, code, where);
                value[0] = e.value();
            }
        }
        return value[0];
    }

    /** {@return the value a line's comment shows, or null if the comment is prose or there is none} */
    static String expectedValue(String line) {
        Matcher m = VALUE_COMMENT.matcher(line);
        if (!m.find()) {
            return null;
        }
        String text = m.group(1);
        boolean prose = Character.isLetter(text.codePointAt(0)) && !text.equals("true") && !text.equals("false");
        return prose ? null : text;
    }

    private void eval(String source, String expected, String where) {
        List<SnippetEvent> events = shell.eval(source);
        for (SnippetEvent e : events) {
            if (e.causeSnippet() != null) {
                continue;
            }
            check(e, source, where);
            if (expected != null && !e.snippet().subKind().isExecutable()) {
                throw new AssertionError(where + ": a value is written after " + source.strip() + ", which has none");
            }
            if (expected != null && e.snippet().subKind().hasValue() && isExpression(e.snippet())) {
                String value = unquoted(e.value());
                CHECKED.incrementAndGet();
                if (!Expected.line(expected, value)) {
                    throw new AssertionError(where + ": " + source.strip() + "\n  the comment shows  " + expected
                            + "\n  but the value is  " + value);
                }
            }
        }
    }

    /** {@return whether the snippet is an expression, which JShell may hold as a temporary variable} */
    private static boolean isExpression(Snippet s) {
        return switch (s.subKind()) {
            case TEMP_VAR_EXPRESSION_SUBKIND, OTHER_EXPRESSION_SUBKIND, VAR_VALUE_SUBKIND, ASSIGNMENT_SUBKIND -> true;
            default -> false;
        };
    }

    /** Fails if the snippet did not compile or threw. */
    private void check(SnippetEvent e, String source, String where) {
        {
            if (e.status() == Snippet.Status.REJECTED) {
                String diagnostics = shell.diagnostics(e.snippet())
                        .map(d -> d.getMessage(null))
                        .collect(Collectors.joining("; "));
                throw new AssertionError(where + ": does not compile: " + source.strip() + "\n  " + diagnostics);
            }
            if (e.exception() != null) {
                Throwable t = e.exception();
                String name = t instanceof EvalException ee ? ee.getExceptionClassName() : t.getClass().getName();
                throw new AssertionError(where + ": " + source.strip() + " threw " + name + ": " + t.getMessage(), t);
            }
        }
    }

    /** {@return JShell's display of a value, a string without its quotes and escapes} */
    private static String unquoted(String value) {
        if (value == null || value.length() < 2 || !value.startsWith("\"") || !value.endsWith("\"")) {
            return value;
        }
        String inner = value.substring(1, value.length() - 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                char n = inner.charAt(++i);
                sb.append(switch (n) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    default -> n;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public void close() {
        shell.close();
    }

}
