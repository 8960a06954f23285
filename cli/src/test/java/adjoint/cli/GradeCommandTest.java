package adjoint.cli;

import static adjoint.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import adjoint.cli.MainTest.Run;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adjoint grade}: the page's verdicts on the command line, with their exit status. */
class GradeCommandTest {

    static final String SEED = MainTest.SEED;
    static final String AT = MainTest.AT;

    static Run withStdin(String text, String... args) {
        InputStream before = GradeCommand.stdin;
        GradeCommand.stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        try {
            return run(args);
        } finally {
            GradeCommand.stdin = before;
        }
    }

    @Test
    void theSixDigitAnswersOfTheSeedAreRight() {
        Run r = withStdin("x1 = 0.112336\nw1 = 0.0561682\nx2 = -0.159293\nw2 = -0.11947\n", "grade", SEED, "--at", AT);
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo("line 1, x1: right at the point, to the digits written\n"
                + "line 2, w1: right at the point, to the digits written\nline 3, x2: right at the point, to the digits written\n"
                + "line 4, w2: right at the point, to the digits written\n");
    }

    @Test
    void aWrongOrMissingAnswerExitsOneAndABadLineTwo(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("hw.txt"), "x1 = -w1*sin(x1*w1)*cos(x1*w1)/(2 + sin(x1*w1) + cos(x2*w2))^2\n");
        Run r = run("grade", SEED, "--at", AT, "--file", file.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).startsWith("line 1, x1: wrong at the point: x1 (yours ").contains("w1: no answer given");
        Run bad = withStdin("x1 = sin(\n", "grade", SEED, "--at", AT, "--json");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.out()).startsWith("{\"right\": false, \"verdicts\": [{\"line\": 1, \"variable\": null, \"verdict\": \"error\"");
    }
}
