package adjoint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code adjoint serve} under hostile traffic, on 127.0.0.1 only, bounded in count and time:
 * slow and oversize heads, other hosts, odd targets and versions, and dripping connections
 * while normal requests go on.
 */
class HostileTrafficTest {

    static WebServer server;

    @BeforeAll
    static void start() throws IOException {
        server = WebServer.start("127.0.0.1", 0, Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** {@return the whole response to a raw request} */
    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String get(String target, String host) throws IOException {
        return raw("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n");
    }

    @Test
    void onlyItsOwnHostIsAnswered() throws IOException {
        String own = "127.0.0.1:" + server.port();
        assertThat(get("/?expr=x&at=x=1", own)).startsWith("HTTP/1.1 200 OK");
        assertThat(get("/?expr=x&at=x=1", "localhost:" + server.port())).startsWith("HTTP/1.1 200 OK");
        assertThat(get("/?expr=x&at=x=1", "localhost")).startsWith("HTTP/1.1 200 OK");
        assertThat(get("/?expr=x&at=x=1", "evil.example:" + server.port())).startsWith("HTTP/1.1 421 Misdirected Request")
                .doesNotContain("evil");
        assertThat(get("/?expr=x&at=x=1", "localhost:1")).startsWith("HTTP/1.1 421");
        assertThat(raw("GET / HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 421");
        assertThat(raw("GET / HTTP/1.0\r\n\r\n")).startsWith("HTTP/1.1 200 OK");
        assertThat(raw("GET / HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n\r\n")).startsWith("HTTP/1.1 400");
    }

    @Test
    void oddTargetsAndVersionsAreRefusedWithAStatus() throws IOException {
        assertThat(raw("GET http://127.0.0.1/ HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(raw("GET / FOO/9\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(raw("GET / HTTP/2.0\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 505 HTTP Version Not Supported");
        assertThat(raw("GET /?expr=" + "x".repeat(20_000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")).startsWith("HTTP/1.1 414 URI Too Long");
        String bigHeader = "X-Big: " + "a".repeat(70_000) + "\r\n";
        assertThat(raw("GET / HTTP/1.1\r\nHost: localhost\r\n" + bigHeader + "\r\n")).startsWith("HTTP/1.1 431");
        assertThat(raw("GET / HTTP/1.1\r\nHost: localhost\r\n" + "X-A: b\r\n".repeat(101) + "\r\n")).startsWith("HTTP/1.1 431");
    }

    @Test
    void everyResponseCarriesItsSecurityHeadersAndNoErrorEchoesInput() throws IOException {
        for (String response : List.of(get("/?expr=x&at=x=1", "localhost"), get("/<script>", "localhost"),
                get("/trace.md?expr=<b>sin(&at=x=1", "localhost"), raw("GET / HTTP/2.0\r\n\r\n"))) {
            String head = response.substring(0, response.indexOf("\r\n\r\n"));
            assertThat(head).contains("X-Content-Type-Options: nosniff").contains("default-src 'none'")
                    .contains("frame-ancestors 'none'").contains("Referrer-Policy: no-referrer");
            assertThat(response).doesNotContain("<script>").doesNotContain("<b>");
        }
    }

    @Test
    void aHeadThatDripsIsCutAtItsDeadline() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            long start = System.nanoTime();
            String response = null;
            InputStream in = s.getInputStream();
            try {
                for (char c : "GET / HTTP/1.1\r\nHost: localhost\r\n".toCharArray()) {
                    out.write(c);
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException closed) {
                // The server closed the connection at its deadline, while the drip went on.
            }
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(response).startsWith("HTTP/1.1 408 Request Timeout");
            assertThat(seconds).as("cut at the 2 s deadline, not per read").isLessThan(4.5);
        }
    }

    @Test
    void normalRequestsAreAnsweredWhileTenConnectionsDripAndTwoAskTooMuch() throws Exception {
        ExecutorService drips = Executors.newFixedThreadPool(12);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                sockets.add(s);
                drips.submit(() -> {
                    try {
                        OutputStream out = s.getOutputStream();
                        for (int k = 0; k < 30; k++) {
                            out.write('G');
                            out.flush();
                            Thread.sleep(100);
                        }
                    } catch (IOException | InterruptedException e) {
                        // Cut by the server's deadline, or the test is over.
                    }
                    return null;
                });
            }
            List<Future<String>> heavy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                heavy.add(drips.submit(() -> get("/?expr=sum(broadcast(x,30000,30000))%20%2B%20sum(broadcast(x,2147483647,1))&at=x=1",
                        "localhost")));
            }
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                long start = System.nanoTime();
                String r = get("/?expr=x%5E2&at=x=" + i, "localhost");
                millis.add((System.nanoTime() - start) / 1_000_000);
                assertThat(r).startsWith("HTTP/1.1 200 OK").contains("<output id=\"value\">" + (double) i * i + "</output>");
            }
            for (Future<String> h : heavy) {
                assertThat(h.get(10, TimeUnit.SECONDS)).startsWith("HTTP/1.1 200 OK").contains("this problem needs")
                        .contains("the page's budget is").doesNotContain("<output id=\"value\">");
            }
            long max = millis.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.println("[HostileTrafficTest] 50 requests beside 10 dripping connections: max " + max + " ms");
            assertThat(max).as("the slowest normal request, in ms").isLessThan(2_000);
        } finally {
            drips.shutdownNow();
            for (Socket s : sockets) {
                s.close();
            }
            drips.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
