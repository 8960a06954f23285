package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.show.Graphviz;
import adjoint.show.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The HTTP server of {@code adjoint serve}: {@code /} is the page ({@link Page}) for the problem
 * in its query ({@code expr}, {@code at}, {@code grade}), {@code /trace.md} and
 * {@code /trace.tex} the problem's trace as Markdown and LaTeX. Each request's work is bounded
 * in input size, graph size ({@link Worksheet.Limits}) and time; bad input is shown on the page,
 * never an error page.
 *
 * <p>A small HTTP/1.1 server on a {@link ServerSocket}, one request per connection: browsers send
 * a typed or shared address with {@code ^}, {@code [} and {@code ]} unescaped in the query
 * ({@code ?expr=x^2&at=W=[[1,2],[3,4]]}), which the JDK's built-in server refuses as a malformed
 * URI before any handler sees it.
 */
final class WebServer implements AutoCloseable {

    /** How long one request may compute before the page says it took too long. */
    static final Duration TIME_LIMIT = Duration.ofSeconds(10);
    /** The longest request line or header line read, in bytes. */
    static final int MAX_LINE = 64 * 1024;

    private final ServerSocket socket;
    private final ExecutorService workers;
    private final ExecutorService handlers;
    private final boolean graphviz;

    private WebServer(ServerSocket socket, ExecutorService workers, ExecutorService handlers, boolean graphviz) {
        this.socket = socket;
        this.workers = workers;
        this.handlers = handlers;
        this.graphviz = graphviz;
    }

    /**
     * {@return a started server}
     *
     * @param host the address to listen on, {@code 127.0.0.1} for this machine only
     * @param port the port, or 0 for any free one
     * @throws IOException if the port cannot be bound
     */
    static WebServer start(String host, int port) throws IOException {
        ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName(host));
        ExecutorService workers = Executors.newFixedThreadPool(2, daemon("adjoint-work"));
        ExecutorService handlers = Executors.newFixedThreadPool(4, daemon("adjoint-http"));
        WebServer web = new WebServer(socket, workers, handlers, Graphviz.available());
        daemon("adjoint-accept").newThread(web::accept).start();
        return web;
    }

    /** {@return the port the server listens on} */
    int port() {
        return socket.getLocalPort();
    }

    /** {@return the page's address} */
    String address() {
        return "http://" + socket.getInetAddress().getHostAddress() + ":" + port() + "/";
    }

    /** Stops the server at once. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a listening socket fails only if it is closed already.
        }
        workers.shutdownNow();
        handlers.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                handlers.execute(() -> serve(client));
            } catch (IOException | RejectedExecutionException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout((int) TIME_LIMIT.toMillis());
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            if (requestLine == null) {
                return;
            }
            int headers = 0;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                if (++headers > 100) {
                    send(out, "GET", 431, "text/plain", "too many header lines\n", null);
                    return;
                }
            }
            String[] parts = requestLine.split(" ");
            if (parts.length != 3) {
                send(out, "GET", 400, "text/plain", "malformed request line\n", null);
                return;
            }
            String method = parts[0];
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(out, method, 405, "text/plain", "only GET is served\n", null);
                return;
            }
            String target = parts[1];
            int question = target.indexOf('?');
            String path = question < 0 ? target : target.substring(0, question);
            Map<String, String> q;
            try {
                q = query(question < 0 ? "" : target.substring(question + 1));
            } catch (IllegalArgumentException e) {
                send(out, method, 200, "text/html", Page.render(Worksheet.failed("", "", "",
                        "the address has a malformed %-escape: " + e.getMessage())), null);
                return;
            }
            respond(out, method, path, q);
        } catch (IOException e) {
            // The browser went away, or was too slow to send its request: there is no one to answer.
        }
    }

    private void respond(OutputStream out, String method, String path, Map<String, String> q) throws IOException {
        String expr = q.getOrDefault("expr", "");
        String at = q.getOrDefault("at", "");
        String grade = q.getOrDefault("grade", "");
        switch (path) {
            case "/" -> send(out, method, 200, "text/html", Page.render(worksheet(expr, at, grade)), null);
            case "/trace.md" -> export(out, method, expr, at, Trace::markdown, "text/markdown", "trace.md");
            case "/trace.tex" -> export(out, method, expr, at, Trace::latex, "application/x-latex", "trace.tex");
            default -> send(out, method, 404, "text/plain", "no page " + path + "; the page is /\n", null);
        }
    }

    /** {@return the worked problem, computed within {@link #TIME_LIMIT}, or a worksheet saying why not} */
    private Worksheet worksheet(String expr, String at, String grade) {
        try {
            return bounded(() -> Worksheet.of(expr, at, grade, Worksheet.Limits.DEFAULT, graphviz));
        } catch (RuntimeException e) {
            return Worksheet.failed(expr, at, grade, e.getMessage());
        }
    }

    private void export(OutputStream out, String method, String expr, String at, Function<Trace, String> format, String type,
            String file) throws IOException {
        Worksheet.Limits limits = Worksheet.Limits.DEFAULT;
        String body;
        int status = 200;
        try {
            body = bounded(() -> {
                if (expr.length() > limits.maxExpressionLength() || at.length() > limits.maxPointLength()) {
                    throw new IllegalArgumentException("the expression or the point is too long for the page");
                }
                ExpressionAt input = ExpressionAt.of(expr, at);
                Bindings point = input.bindings();
                var f = input.expression().asScalar();
                var compiled = f.compile();
                if (compiled.nodeCount() > limits.maxDrawnNodes()) {
                    throw new IllegalArgumentException("the graph has " + compiled.nodeCount() + " nodes; the page traces up to "
                            + limits.maxDrawnNodes());
                }
                return format.apply(Trace.of(compiled.tape(point)));
            });
        } catch (RuntimeException e) {
            status = 400;
            body = e.getMessage() + "\n";
        }
        send(out, method, status, status == 200 ? type : "text/plain", body, "inline; filename=\"" + file + "\"");
    }

    /** {@return the work's result within {@link #TIME_LIMIT}} @throws IllegalStateException if it takes longer */
    private <T> T bounded(Callable<T> work) {
        Future<T> future = workers.submit(work);
        try {
            return future.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IllegalStateException("the request took more than " + TIME_LIMIT.toSeconds() + " s and was stopped;"
                    + " try a smaller expression");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(String.valueOf(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@return one line of the request head, read as UTF-8, without its line end, or null at the end of the stream} */
    private static String line(InputStream in) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                String s = bytes.toString(StandardCharsets.UTF_8);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (bytes.size() >= MAX_LINE) {
                throw new IOException("a request line longer than " + MAX_LINE + " bytes");
            }
            bytes.write(b);
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
    }

    private static void send(OutputStream out, String method, int status, String type, String body, String disposition)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> "Request Header Fields Too Large";
        };
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(type).append("; charset=utf-8\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append("Connection: close\r\n");
        if (disposition != null) {
            head.append("Content-Disposition: ").append(disposition).append("\r\n");
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (!method.equals("HEAD")) {
            out.write(bytes);
        }
        out.flush();
    }

    /**
     * {@return the query's parameters, decoded; the first of a repeated name wins}. A form
     * writes a space as {@code +} and a plus sign as {@code %2B}; an address typed or pasted into
     * a browser keeps {@code +} and writes a space as {@code %20}. So {@code +} is a plus sign
     * when the query has a {@code %20} in it, else a space: both {@code ?expr=x%20+%201} and the
     * form's {@code ?expr=x+%2B+1} read {@code x + 1}.
     *
     * @throws IllegalArgumentException if a {@code %} escape is malformed
     */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        boolean typed = raw.contains("%20");
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq), typed), eq < 0 ? "" : decode(pair.substring(eq + 1), typed));
        }
        return out;
    }

    private static String decode(String s, boolean plusIsPlus) {
        return URLDecoder.decode(plusIsPlus ? s.replace("+", "%2B") : s, StandardCharsets.UTF_8);
    }

    private static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
