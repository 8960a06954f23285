package adjoint.cli;

import adjoint.eval.Bindings;
import adjoint.eval.Cost;
import adjoint.show.Graphviz;
import adjoint.show.Trace;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
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
    /** How long the whole request head may take to arrive. */
    static final Duration HEAD_DEADLINE = Duration.ofSeconds(5);
    /** The most connections served at once; more are answered 503 at once. */
    static final int MAX_CONNECTIONS = 256;
    /** What every response says about itself: no sniffing, nothing loaded from elsewhere, no framing, no referrer. */
    static final String SECURITY_HEADERS = "X-Content-Type-Options: nosniff\r\n"
            + "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'\r\n"
            + "X-Frame-Options: DENY\r\n"
            + "Referrer-Policy: no-referrer\r\n";

    private final ServerSocket socket;
    private final ExecutorService workers;
    private final ExecutorService handlers;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);
    private final boolean graphviz;
    private final Duration headDeadline;
    /** The host names this server answers to, lower case: its own address, the loopback names, and what {@code --host} named. */
    private final Set<String> hosts;

    private WebServer(ServerSocket socket, String host, ExecutorService workers, ExecutorService handlers, boolean graphviz,
            Duration headDeadline) {
        this.socket = socket;
        this.headDeadline = headDeadline;
        this.workers = workers;
        this.handlers = handlers;
        this.graphviz = graphviz;
        Set<String> names = new HashSet<>(Set.of("127.0.0.1", "localhost", "[::1]"));
        names.add(host.toLowerCase(Locale.ROOT));
        names.add(socket.getInetAddress().getHostAddress().toLowerCase(Locale.ROOT));
        this.hosts = Set.copyOf(names);
    }

    /**
     * {@return a started server}
     *
     * @param host the address to listen on, {@code 127.0.0.1} for this machine only
     * @param port the port, or 0 for any free one
     * @throws IOException if the port cannot be bound
     */
    static WebServer start(String host, int port) throws IOException {
        return start(host, port, HEAD_DEADLINE);
    }

    /**
     * {@return a started server whose request heads must arrive within {@code headDeadline}}
     *
     * @param host the address to listen on
     * @param port the port, or 0 for any free one
     * @param headDeadline how long a whole request head may take
     * @throws IOException if the port cannot be bound
     */
    static WebServer start(String host, int port, Duration headDeadline) throws IOException {
        ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName(host));
        ExecutorService workers = Executors.newFixedThreadPool(2, daemon("adjoint-work"));
        // One virtual thread per connection: a connection that idles or drips holds no platform thread.
        ExecutorService handlers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("adjoint-http-", 0).factory());
        WebServer web = new WebServer(socket, host, workers, handlers, Graphviz.available(), headDeadline);
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
                if (!connections.tryAcquire()) {
                    refuseBusy(client);
                    continue;
                }
                handlers.execute(() -> {
                    try {
                        serve(client);
                    } finally {
                        connections.release();
                    }
                });
            } catch (IOException | RejectedExecutionException e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    /** Answers 503 to a connection over {@link #MAX_CONNECTIONS}, without reading it. */
    private static void refuseBusy(Socket client) {
        try (client) {
            client.setSoTimeout(1000);
            send(client.getOutputStream(), "GET", 503, "text/plain", "the server is busy; try again\n", null);
        } catch (IOException e) {
            // The client is gone: nothing to answer.
        }
    }

    private void serve(Socket client) {
        try (client) {
            OutputStream out = client.getOutputStream();
            RequestHead head;
            try {
                head = RequestHead.read(client, headDeadline);
            } catch (RequestHead.Refusal r) {
                send(out, "GET", r.status(), "text/plain", r.getMessage() + "\n", null);
                return;
            }
            if (head == null) {
                return;
            }
            String method = head.method();
            if (!ownHost(head)) {
                send(out, method, 421, "text/plain", "this server answers only to its own address, such as " + address() + "\n", null);
                return;
            }
            if (!method.equals("GET") && !method.equals("HEAD")) {
                send(out, method, 405, "text/plain", "only GET is served\n", null);
                return;
            }
            String target = head.target();
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
            // The browser went away, or was too slow to read the answer: there is no one to answer.
        }
    }

    /**
     * {@return whether the request names this server}: its {@code Host} is one of {@link #hosts},
     * with this server's port or none. A page elsewhere that makes the browser call this server
     * (DNS rebinding) sends its own name and is refused. An HTTP/1.0 request without a {@code Host}
     * is served; an HTTP/1.1 one is not.
     */
    private boolean ownHost(RequestHead head) {
        String h = head.host();
        if (h == null) {
            return head.version().equals("HTTP/1.0");
        }
        h = h.toLowerCase(Locale.ROOT);
        String name = h;
        String port = null;
        int close = h.lastIndexOf(']');
        int colon = h.lastIndexOf(':');
        if (colon > close) {
            name = h.substring(0, colon);
            port = h.substring(colon + 1);
        }
        return hosts.contains(name) && (port == null || port.equals(Integer.toString(port())));
    }

    private void respond(OutputStream out, String method, String path, Map<String, String> q) throws IOException {
        String expr = q.getOrDefault("expr", "");
        String at = q.getOrDefault("at", "");
        String grade = q.getOrDefault("grade", "");
        switch (path) {
            case "/" -> send(out, method, 200, "text/html", Page.render(worksheet(expr, at, grade)), null);
            case "/trace.md" -> export(out, method, expr, at, text(Trace::markdown), "text/markdown", "trace.md");
            case "/trace.tex" -> export(out, method, expr, at, text(Trace::latex), "application/x-latex", "trace.tex");
            // Both drawings, Graphviz's and the plain one, declare the SVG namespace: the file stands alone.
            case "/graph.svg" -> export(out, method, expr, at, text(trace -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    + Worksheet.draw(trace, Worksheet.Limits.DEFAULT, graphviz).svg()), "image/svg+xml", "graph.svg");
            case "/graph.png" -> {
                if (graphviz) {
                    export(out, method, expr, at, trace -> Worksheet.png(trace, Worksheet.Limits.DEFAULT), "image/png", "graph.png");
                } else {
                    send(out, method, 404, "text/plain", "the PNG is drawn by Graphviz, which this server does not have;"
                            + " /graph.svg draws without it\n", null);
                }
            }
            default -> send(out, method, 404, "text/plain", "no such page; the page is /\n", null);
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

    /** {@return a text format of a trace, as the bytes sent} */
    private static Function<Trace, byte[]> text(Function<Trace, String> format) {
        return trace -> format.apply(trace).getBytes(StandardCharsets.UTF_8);
    }

    private void export(OutputStream out, String method, String expr, String at, Function<Trace, byte[]> format, String type,
            String file) throws IOException {
        Worksheet.Limits limits = Worksheet.Limits.DEFAULT;
        byte[] body;
        int status = 200;
        try {
            body = bounded(() -> {
                if (expr.length() > limits.maxExpressionLength() || at.length() > limits.maxPointLength()) {
                    throw new IllegalArgumentException("the expression or the point is too long for the page");
                }
                ExpressionAt input = ExpressionAt.of(expr, at);
                Bindings point = input.bindings();
                var f = input.expression().asScalar();
                String overBudget = limits.refusal(Cost.of(f));
                if (overBudget != null) {
                    throw new IllegalArgumentException(overBudget);
                }
                var compiled = f.compile();
                if (compiled.nodeCount() > limits.maxDrawnNodes()) {
                    throw new IllegalArgumentException("the graph has " + compiled.nodeCount() + " nodes; the page traces up to "
                            + limits.maxDrawnNodes());
                }
                return format.apply(Trace.of(compiled.tape(point)));
            });
        } catch (RuntimeException e) {
            // The message may quote the input: the page shows it, escaped; this plain answer does not.
            status = 400;
            body = "this problem has an error: open the page, /, with the same expr and at to see where\n".getBytes(StandardCharsets.UTF_8);
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

    private static void send(OutputStream out, String method, int status, String type, String body, String disposition)
            throws IOException {
        send(out, method, status, type, body.getBytes(StandardCharsets.UTF_8), disposition);
    }

    private static void send(OutputStream out, String method, int status, String type, byte[] bytes, String disposition)
            throws IOException {
        String reason = switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 414 -> "URI Too Long";
            case 421 -> "Misdirected Request";
            case 431 -> "Request Header Fields Too Large";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> "Error";
        };
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n")
                .append("Content-Type: ").append(type).append(type.equals("image/png") ? "" : "; charset=utf-8")
                .append("\r\n")
                .append("Content-Length: ").append(bytes.length).append("\r\n")
                .append("Cache-Control: no-store\r\n")
                .append(SECURITY_HEADERS)
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
     * {@return the query's parameters, decoded; the first of a repeated name wins}. The page's
     * own form marks its submissions with {@code form=1}, and writes a space as {@code +} and a
     * plus sign as {@code %2B}; an address typed or pasted by hand keeps {@code +} as a plus sign.
     * So {@code +} is a space only in a query with {@code form=1}: {@code ?expr=x+y} is
     * {@code x+y}, and the form's {@code ?form=1&expr=x+%2B+1} is {@code x + 1}.
     *
     * @throws IllegalArgumentException if a {@code %} escape is malformed
     */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        boolean form = false;
        for (String pair : raw.split("&")) {
            form |= pair.equals(FORM_MARK);
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.putIfAbsent(decode(eq < 0 ? pair : pair.substring(0, eq), !form), eq < 0 ? "" : decode(pair.substring(eq + 1), !form));
        }
        return out;
    }

    /** The query parameter by which the page's form marks its own submissions. */
    static final String FORM_MARK = "form=1";

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
