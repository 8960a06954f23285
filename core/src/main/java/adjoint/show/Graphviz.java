package adjoint.show;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Writes DOT text, and renders it to SVG, PNG or PDF through Graphviz's {@code dot} program
 * when it is installed (Debian's {@code graphviz} package).
 */
public final class Graphviz {

    private Graphviz() {}

    /** {@return whether the {@code dot} program can be run} */
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
     * Graphviz in the format the extension names ({@code .svg}, {@code .png}, {@code .pdf}).
     *
     * @throws IllegalStateException if rendering is asked for and {@code dot} is not installed,
     *     or it fails (its message is included)
     * @throws IllegalArgumentException if the extension is none of those
     */
    public static void write(String dot, Path out) throws IOException {
        Objects.requireNonNull(dot, "dot is null");
        Objects.requireNonNull(out, "out is null");
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        if (format.equals("dot") || format.equals("gv")) {
            Files.writeString(out, dot, StandardCharsets.UTF_8);
            return;
        }
        if (!format.equals("svg") && !format.equals("png") && !format.equals("pdf")) {
            throw new IllegalArgumentException("cannot write " + out + ": give a .dot, .svg, .png or .pdf file");
        }
        if (!available()) {
            throw new IllegalStateException("rendering " + out + " needs Graphviz's dot program, which is not installed"
                    + " (Debian: apt-get install graphviz); write a .dot file instead");
        }
        Process p = new ProcessBuilder("dot", "-T" + format, "-o", out.toString()).redirectErrorStream(true).start();
        p.getOutputStream().write(dot.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String messages = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("dot failed to render " + out + ": " + messages.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering " + out, e);
        }
    }
}
