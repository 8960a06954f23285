package adjoint.examples;

import static org.assertj.core.api.Assertions.assertThat;

import adjoint.show.Graphviz;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WalkthroughTest {

    @Test
    void printsBothTracesAndWritesBothGraphs(@TempDir Path dir) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            Walkthrough.main(new String[] {dir.toString()});
        } finally {
            System.setOut(out);
        }
        String text = buffer.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("f = 1/(2 + sin²(x₁·w₁) + cos(x₂·w₂))").contains("n7 = 1/n6").contains("0.112336")
                .contains("f = sum(σ(W·x)²)").contains("n0 = W·x  (3x1)");
        assertThat(Files.readString(dir.resolve("seed1.dot"))).startsWith("digraph");
        assertThat(Files.readString(dir.resolve("seed2.dot"))).contains("3x3");
        if (Graphviz.available()) {
            assertThat(dir.resolve("seed1.png")).exists();
            assertThat(dir.resolve("seed2.svg")).exists();
        }
    }
}
