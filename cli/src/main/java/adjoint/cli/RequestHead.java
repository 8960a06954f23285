package adjoint.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * The head of one HTTP request, read within one deadline for the whole head (not per read), so
 * that a client dripping a byte a second cannot hold a connection, and within fixed sizes.
 *
 * @param method the method, such as {@code GET}
 * @param target the request target, origin-form ({@code /path?query})
 * @param version {@code HTTP/1.0} or {@code HTTP/1.1}
 * @param host the {@code Host} header's value, or null if there is none
 */
record RequestHead(String method, String target, String version, String host) {

    /** The longest request line, in bytes; a longer one is answered 414. */
    static final int MAX_REQUEST_LINE = 16 * 1024;
    /** The longest head, request line and headers together, in bytes; a longer one is answered 431. */
    static final int MAX_HEAD = 64 * 1024;
    /** The most header lines; more are answered 431. */
    static final int MAX_HEADERS = 100;

    /** A request that cannot be served, with the status to answer and a message that echoes no input. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refusal(int status, String message) {
            super(message);
            this.status = status;
        }

        /** {@return the HTTP status to answer with} */
        int status() {
            return status;
        }
    }

    /**
     * {@return the head read from {@code client}}, or null if the client closed before sending one
     *
     * @param client the connection
     * @param deadline how long the whole head may take to arrive
     * @throws Refusal if the head is too slow, too large or malformed
     * @throws IOException if the connection fails
     */
    static RequestHead read(Socket client, Duration deadline) throws IOException, Refusal {
        long end = System.nanoTime() + deadline.toNanos();
        InputStream in = new BufferedInputStream(client.getInputStream());
        Reader reader = new Reader(client, in, end);
        String requestLine = reader.line(MAX_REQUEST_LINE, 414, "the request line is longer than " + MAX_REQUEST_LINE + " bytes");
        if (requestLine == null) {
            return null;
        }
        String host = null;
        int headers = 0;
        for (String h = reader.line(MAX_HEAD, 431, "the request head is larger than " + MAX_HEAD + " bytes"); h != null && !h.isEmpty();
                h = reader.line(MAX_HEAD, 431, "the request head is larger than " + MAX_HEAD + " bytes")) {
            if (++headers > MAX_HEADERS) {
                throw new Refusal(431, "more than " + MAX_HEADERS + " header lines");
            }
            int colon = h.indexOf(':');
            if (colon > 0 && h.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("host")) {
                if (host != null) {
                    throw new Refusal(400, "more than one Host header");
                }
                host = h.substring(colon + 1).trim();
            }
        }
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty()) {
            throw new Refusal(400, "malformed request line");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            throw new Refusal(parts[2].startsWith("HTTP/") ? 505 : 400, "only HTTP/1.0 and HTTP/1.1 are served");
        }
        if (!parts[1].startsWith("/")) {
            throw new Refusal(400, "the request target must be a path, such as /?expr=x");
        }
        return new RequestHead(parts[0], parts[1], parts[2], host);
    }

    /** Reads lines of the head, each read bounded by what is left of the deadline and by the head's size. */
    private static final class Reader {
        private final Socket client;
        private final InputStream in;
        private final long end;
        private int total;

        Reader(Socket client, InputStream in, long end) {
            this.client = client;
            this.in = in;
            this.end = end;
        }

        /** {@return one line without its line end, or null at the end of the stream before any byte} */
        String line(int max, int status, String tooLong) throws IOException, Refusal {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            while (true) {
                int b = next();
                if (b == -1) {
                    return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.UTF_8);
                }
                if (b == '\n') {
                    String s = bytes.toString(StandardCharsets.UTF_8);
                    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
                }
                if (bytes.size() >= max || ++total > MAX_HEAD) {
                    throw new Refusal(status, tooLong);
                }
                bytes.write(b);
            }
        }

        private int next() throws IOException, Refusal {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new Refusal(408, "the request head did not arrive in time");
            }
            client.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            try {
                return in.read();
            } catch (SocketTimeoutException e) {
                throw new Refusal(408, "the request head did not arrive in time");
            }
        }
    }
}
