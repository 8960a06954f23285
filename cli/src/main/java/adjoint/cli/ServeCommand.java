package adjoint.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adjoint serve}: the worked problem as a local web page. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a local web page: type an expression and a point, see the value, gradient, formula, symbolic"
                + " derivatives, graph, node-by-node trace and gradient check, and grade a hand derivation. The problem is"
                + " in the page's address, to share. Stop with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (default ${DEFAULT-VALUE}; 0 for any free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on (default ${DEFAULT-VALUE}, this machine only).")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port " + port + " is not a port: give 0 to 65535");
        }
        WebServer server;
        try {
            server = WebServer.start(host, port);
        } catch (java.net.BindException e) {
            throw new IllegalArgumentException("cannot listen on " + host + ":" + port + " (" + e.getMessage()
                    + "): is something else using it? try --port 0");
        }
        spec.commandLine().getOut().println("serving " + server.address() + " (Ctrl-C to stop)");
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
