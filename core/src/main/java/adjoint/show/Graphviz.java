package adjoint.show;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Writes DOT text, and renders it to SVG, PNG or PDF through Graphviz's {@code dot} program
 * when it is installed (Debian's {@code graphviz} package).
 */
public final class Graphviz {

    private Graphviz() {}

    /** How long {@code dot} may take to render, by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** {@return whether Graphviz's {@code dot} program can be run} */
    public static boolean available() {
        try {
            Process p = new ProcessBuilder("dot", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Writes {@code dot} to {@code out}: as DOT text for a {@code .dot} file, else rendered by
     * Graphviz in the format the extension names ({@code .svg}, {@code .png}, {@code .pdf}),
     * within {@link #TIMEOUT}. The folder must exist: none is made.
     *
     * @param dot the graph in the DOT language
     * @param out the file
     * @throws IllegalStateException if rendering is asked for and {@code dot} is not installed,
     *     fails (its message is included) or runs out of time (it is stopped)
     * @throws IllegalArgumentException if the extension is none of those
     * @throws UncheckedIOException if the folder does not exist or the file cannot be written, saying why
     */
    public static void write(String dot, Path out) {
        write(dot, out, TIMEOUT);
    }

    /**
     * Writes {@code dot} to {@code out} as {@link #write(String, Path)} does, giving {@code dot} at most {@code timeout}.
     *
     * @param dot the graph in the DOT language
     * @param out the file
     * @param timeout the longest {@code dot} may run
     */
    public static void write(String dot, Path out, Duration timeout) {
        Objects.requireNonNull(dot, "dot is null");
        Objects.requireNonNull(out, "out is null");
        Objects.requireNonNull(timeout, "timeout is null");
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (!format.equals("dot") && !format.equals("gv") && !format.equals("svg") && !format.equals("png") && !format.equals("pdf")) {
            throw new IllegalArgumentException("cannot write " + out + ": give a .dot, .svg, .png or .pdf file");
        }
        try {
            Path folder = out.toAbsolutePath().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                throw new UncheckedIOException("cannot write " + out + ": " + (Files.exists(folder)
                        ? folder + " is not a folder" : "the folder " + folder + " does not exist"),
                        new java.nio.file.NoSuchFileException(folder.toString()));
            }
            if (format.equals("dot") || format.equals("gv")) {
                Files.writeString(out, dot, StandardCharsets.UTF_8);
                return;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + reason(e), e);
        }
        if (!available()) {
            throw new IllegalStateException("rendering " + out + " needs Graphviz's dot program, which is not installed"
                    + " (Debian: apt-get install graphviz); write a .dot file instead");
        }
        render(dot, out, format, timeout);
    }

    private static void render(String dot, Path out, String format, Duration timeout) {
        Path messages = null;
        Process p = null;
        try {
            messages = Files.createTempFile("adjoint-dot", ".txt");
            // dot's messages go to a file, not a pipe: reading a pipe would wait for dot to end, and the time limit never fire.
            p = new ProcessBuilder("dot", "-T" + format, "-o", out.toString()).redirectErrorStream(true)
                    .redirectOutput(messages.toFile()).start();
            try (var in = p.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("dot did not render " + out + " within " + timeout.toSeconds()
                        + " s and was stopped; the graph has " + dot.lines().filter(l -> l.contains("label=")).count()
                        + " labelled elements: write a .dot file, or draw a smaller expression");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("dot failed to render " + out + ": "
                        + Files.readString(messages, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render " + out + ": " + reason(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering " + out, e);
        } finally {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
            }
            if (messages != null) {
                messages.toFile().delete();
            }
        }
    }

    /** {@return why an I/O operation failed, in words: the bare exception message is often only a path} */
    private static String reason(IOException e) {
        return switch (e) {
            case FileAlreadyExistsException f -> f.getFile() + " exists and is not a directory";
            case NoSuchFileException f -> "no such file or directory: " + f.getFile();
            case AccessDeniedException f -> "permission denied: " + f.getFile();
            case FileSystemException f when f.getReason() != null -> f.getReason() + ": " + f.getFile();
            default -> e.getClass().getSimpleName() + ": " + e.getMessage();
        };
    }
}
