package io.trestle.testing;

import io.trestle.Routes;
import io.trestle.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Starts a server on a free loopback port for a test and gives it a client.
 *
 * <pre>{@code
 * @Test
 * void greets() throws Exception {
 *     TrestleTest.test(r -> r.get("/hi/{name}", (req, res) -> res.text("hi " + req.pathParam("name"))), t -> {
 *         HttpResponse<String> res = t.get("/hi/ann");
 *         assertEquals(200, res.statusCode());
 *         assertEquals("hi ann", res.body());
 *     });
 * }
 * }</pre>
 *
 * <p>{@link #test} holds the server's output (what is written to {@code System.out} and
 * {@code System.err}, and with logback as the SLF4J backend what is logged) while the body runs,
 * and prints it only if the body fails. {@link #start} gives the server without that, to close
 * yourself (try-with-resources); {@link TrestleTestOutput} does the same holding for whole tests.
 */
public final class TrestleTest implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final StackWalker STACK = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private final Server server;
    private final HttpClient client;

    private TrestleTest(Server server) {
        this.server = server;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(TIMEOUT)
                .build();
    }

    /** What a test does with its server: {@code t -> { ... }}. */
    @FunctionalInterface
    public interface Body {
        void accept(TrestleTest t) throws Exception;
    }

    /**
     * Starts a server with the routes {@code routes} registers, runs {@code body} with it and closes
     * it; if the body fails, prints what the server wrote and logged meanwhile, then rethrows.
     *
     * <p>The standard streams are the JVM's, so what other threads write meanwhile is held too; with
     * tests running in parallel, a failing test's report can hold its neighbours' output.
     */
    public static void test(Consumer<Routes> routes, Body body) throws Exception {
        test(Server.builder().routes(routes), body);
    }

    /** As {@link #test(Consumer, Body)}, with a server built from {@code builder} on a free loopback port. */
    public static void test(Server.Builder builder, Body body) throws Exception {
        String caller = STACK.walk(frames -> frames.dropWhile(f -> f.getDeclaringClass() == TrestleTest.class)
                .findFirst()
                .map(f -> f.getDeclaringClass().getSimpleName() + "." + f.getMethodName())
                .orElse("the test"));
        try (OutputCapture capture = OutputCapture.start()) {
            try {
                try (TrestleTest t = start(builder)) {
                    body.accept(t);
                }
            } catch (Throwable failure) {
                capture.close(); // the server is closed: its last lines are in
                capture.printTo(caller);
                throw failure;
            }
        }
    }

    /** Builds {@code builder} on 127.0.0.1 and a free port, and starts it. */
    public static TrestleTest start(Server.Builder builder) {
        return new TrestleTest(builder.host("127.0.0.1").port(0).build().start());
    }

    /** Starts a server with the routes {@code routes} registers. */
    public static TrestleTest start(Consumer<Routes> routes) {
        return start(Server.builder().routes(routes));
    }

    public Server server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public HttpClient client() {
        return client;
    }

    public URI uri(String pathAndQuery) {
        return server.uri().resolve(pathAndQuery);
    }

    /** A request builder for {@code pathAndQuery} with a generous timeout. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    }

    public HttpResponse<String> get(String pathAndQuery) {
        return send(request(pathAndQuery).GET());
    }

    public HttpResponse<String> post(String pathAndQuery, String contentType, String body) {
        return send(request(pathAndQuery).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return send(request, HttpResponse.BodyHandlers.ofString());
    }

    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return client.send(request.build(), handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Opens a raw socket to the server. */
    public RawConnection connect() {
        try {
            return RawConnection.open("127.0.0.1", port());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} verbatim on a new connection and reads one response. */
    public RawResponse raw(String request) {
        try (RawConnection c = connect()) {
            c.send(request);
            return c.readResponse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
