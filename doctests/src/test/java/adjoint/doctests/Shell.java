package adjoint.doctests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command line run by bash from the project's root, as a reader would type it. */
final class Shell {

    /** The project's root, where the documents' commands run. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Shell() {}

    /**
     * What a command printed, standard output and error as one stream, and its exit status.
     *
     * @param lines the lines printed
     * @param status the exit status
     */
    record Result(List<String> lines, int status) {}

    /** {@return the result of running {@code command} with bash in {@link #ROOT}, stopped after {@code seconds}} */
    static Result run(String command, long seconds) throws IOException, InterruptedException {
        // The output goes to a file, not a pipe: reading a pipe would wait for the command to end,
        // and the time limit never fire.
        Path out = Files.createTempFile("adjoint-doctest", ".txt");
        try {
            Process p = new ProcessBuilder("bash", "-c", command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("`" + command + "` did not finish within " + seconds + " s");
            }
            return new Result(Files.readString(out, StandardCharsets.UTF_8).lines().toList(), p.exitValue());
        } finally {
            Files.deleteIfExists(out);
        }
    }
}
