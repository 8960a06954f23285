package adjoint.cli;

import static adjoint.cli.MainTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code adjoint eval}, {@code jvp}, {@code hvp} and {@code hessian}: what they print, as text and JSON, and their errors. */
class SecondOrderCommandsTest {

    static final String SEED = "1/(2 + sin(x1*w1)^2 + cos(x2*w2))";
    static final String AT = "x1=1,w1=2,x2=3,w2=4";

    @Test
    void evalPrintsTheValueAndNeedsNoPointWithoutVariables() {
        assertThat(run("eval", SEED, "--at", AT).out()).isEqualTo("value 0.27242940071159427\n");
        assertThat(run("eval", "2^10").out()).isEqualTo("value 1024.0\n");
        assertThat(run("eval", "W @ x", "--at", "W=[[1,2],[3,4]],x=[1,1]", "--json").out()).isEqualTo("{\"value\": [3.0, 7.0]}\n");
        MainTest.Run unbound = run("eval", "x + 1");
        assertThat(unbound.status()).isEqualTo(2);
        assertThat(unbound.err()).startsWith("adjoint: unbound variable x");
    }

    @Test
    void jvpIsTheGradientAlongTheDirection() {
        assertThat(run("jvp", SEED, "--at", AT, "--along", "x1=1").out())
                .as("along x1 alone, the gradient's x1 entry, as grad prints it").isEqualTo("value 0.27242940071159427\njvp 0.11233639973639944\n");
        assertThat(run("jvp", "W @ x", "--at", "W=[[1,2],[3,4]],x=[1,1]", "--along", "x=[1,0]", "--json").out())
                .isEqualTo("{\"value\": [3.0, 7.0], \"jvp\": [1.0, 3.0]}\n");
    }

    @Test
    void hvpAndHessianOfRosenbrock() {
        String rosenbrock = "(1 - x)^2 + 100*(y - x^2)^2";
        assertThat(run("hvp", rosenbrock, "--at", "x=1,y=1", "--along", "x=2,y=1").out()).isEqualTo("value 0.0\nHv/x 1204.0\nHv/y -600.0\n");
        assertThat(run("hvp", rosenbrock, "--at", "x=1,y=1", "--along", "x=2,y=1", "--json").out())
                .isEqualTo("{\"value\": 0.0, \"hvp\": {\"x\": 1204.0, \"y\": -600.0}}\n");
        assertThat(run("hessian", rosenbrock, "--at", "x=1,y=1").out()).isEqualTo("""
                value 0.0
                d/dx -0.0
                d/dy 0.0
                hessian  x       y
                x        802.0   -400.0
                y        -400.0  200.0
                """);
        assertThat(run("hessian", rosenbrock, "--at", "x=1,y=1", "--json").out()).isEqualTo("{\"value\": 0.0, \"gradient\": {\"x\": -0.0,"
                + " \"y\": 0.0}, \"hessian\": {\"x\": {\"x\": 802.0, \"y\": -400.0}, \"y\": {\"x\": -400.0, \"y\": 200.0}}}\n");
    }

    @Test
    void aMatrixVariablesEntriesAreNamedByIndex() {
        String out = run("hessian", "sum(W @ x)^2", "--at", "W=[[1,2]],x=[1,1]", "--json").out();
        assertThat(out).contains("\"W[0,0]\": {\"W[0,0]\": 2.0, \"W[0,1]\": 2.0, \"x[0]\": ").contains("\"x[1]\": {");
        assertThat(run("hvp", "sum(W @ x)^2", "--at", "W=[[1,2]],x=[1,1]", "--along", "x=[1,0]").out())
                .isEqualTo("value 9.0\nHv/W [[8.0, 2.0]]\nHv/x [2.0, 4.0]\n");
    }

    @Test
    void badDirectionsAndNonScalarsAreOneLineErrors() {
        MainTest.Run unknown = run("jvp", "x*y", "--at", "x=1,y=2", "--along", "q=1");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("adjoint: the direction names q, which is not a parameter; the parameters are x, y\n");
        MainTest.Run shape = run("hvp", "x*y", "--at", "x=1,y=2", "--along", "x=[1,2]");
        assertThat(shape.status()).isEqualTo(2);
        assertThat(shape.err()).contains("x").contains("2x1");
        MainTest.Run matrix = run("hessian", "W @ x", "--at", "W=[[1,2],[3,4]],x=[1,1]");
        assertThat(matrix.status()).isEqualTo(2);
        assertThat(matrix.err()).contains("needs a 1x1 expression, got 2x1");
        assertThat(run("hvp", "x*y", "--at", "x=1,y=2").status()).as("--along is required").isEqualTo(2);
    }
}
