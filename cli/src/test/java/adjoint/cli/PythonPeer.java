package adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * PyTorch as a peer: Debian's {@code /usr/bin/python3} with {@code torch} running one of the
 * test resources' scripts, a JSON line in and a JSON line out per case. A test that needs it is
 * skipped, saying why, where it is not installed.
 */
final class PythonPeer {

    static final Path PYTHON = Path.of("/usr/bin/python3");

    private PythonPeer() {}

    /** Skips the calling test, printing why under {@code who}, unless python3 with torch is installed. */
    static void assumeTorch(String who) throws Exception {
        boolean torch = Files.isExecutable(PYTHON) && new ProcessBuilder(PYTHON.toString(), "-c", "import torch").start().waitFor() == 0;
        if (!torch) {
            System.out.println("[" + who + "] skipped: " + PYTHON + " with torch is not installed (apt-get install python3-torch)");
        }
        Assumptions.assumeTrue(torch, "python3 with torch is not installed");
    }

    /** {@return the script's answer to each request line, in order}, having checked it ran to the end and answered each */
    static List<String> answers(String script, List<String> requests) throws Exception {
        Path path = Path.of(PythonPeer.class.getResource("/peers/" + script).toURI());
        Process p = new ProcessBuilder(PYTHON.toString(), path.toString()).redirectErrorStream(true).start();
        try (PrintWriter in = new PrintWriter(p.getOutputStream(), true, StandardCharsets.UTF_8)) {
            requests.forEach(in::println);
        }
        List<String> answers = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                answers.add(line);
            }
        }
        assertThat(p.waitFor()).as(String.join("\n", answers)).isZero();
        assertThat(answers).hasSize(requests.size());
        return answers;
    }
}
