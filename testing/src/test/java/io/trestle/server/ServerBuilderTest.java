package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import io.trestle.testing.TrestleTest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The limits and timeouts of {@link Server.Builder}: each setter refuses what the server cannot
 * serve with, naming itself, and what it sets is what the running server enforces on the wire,
 * over the config's setting of the same name whatever the order of the calls.
 */
class ServerBuilderTest {
    private static final Duration NEGATIVE = Duration.ofSeconds(-1);

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("maxConnections", b -> b.maxConnections(0)),
                refused("maxConnections", b -> b.maxConnections(-5)),
                refused("maxConnectionsPerClient", b -> b.maxConnectionsPerClient(-1)),
                refused("maxRequestLine", b -> b.maxRequestLine(0)),
                refused("maxHeaderSize", b -> b.maxHeaderSize(-1)),
                refused("maxHeaders", b -> b.maxHeaders(0)),
                refused("maxBodySize", b -> b.maxBodySize(-1)),
                refused("headTimeout", b -> b.headTimeout(null)),
                refused("headTimeout", b -> b.headTimeout(Duration.ZERO)),
                refused("idleTimeout", b -> b.idleTimeout(NEGATIVE)),
                refused("idleTimeout", b -> b.idleTimeout(null)),
                refused("bodyTimeout", b -> b.bodyTimeout(NEGATIVE)),
                refused("bodyTimeout", b -> b.bodyTimeout(null)),
                refused("writeTimeout", b -> b.writeTimeout(Duration.ZERO)),
                refused("writeTimeout", b -> b.writeTimeout(null)),
                refused("minRequestDataRate", b -> b.minRequestDataRate(-1)),
                refused("minResponseDataRate", b -> b.minResponseDataRate(-256)),
                refused("dataRateWindow", b -> b.dataRateWindow(Duration.ZERO)),
                refused("dataRateWindow", b -> b.dataRateWindow(null)),
                refused("shutdownGrace", b -> b.shutdownGrace(NEGATIVE)),
                refused("shutdownGrace", b -> b.shutdownGrace(null)));
    }

    private static Arguments refused(String setter, Consumer<Server.Builder> call) {
        return Arguments.of(setter, call);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aValueOutOfRangeIsRefusedAtOnceNamingTheSetter(String setter, Consumer<Server.Builder> call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(Server.builder()));
        assertTrue(e.getMessage().startsWith(setter + " must "), e.getMessage());
    }

    @Test
    void zeroMeansOffOrNothingWhereTheJavadocSaysSo() {
        assertDoesNotThrow(() -> Server.builder().maxConnectionsPerClient(0).maxBodySize(0).minRequestDataRate(0)
                .minResponseDataRate(0).shutdownGrace(Duration.ZERO).maxRequestLine(1).maxHeaders(1).maxConnections(1));
    }

    @Test
    void maxRequestLineAnswers414() throws Exception {
        try (TrestleTest t = TrestleTest.start(server().maxRequestLine(64))) {
            assertEquals(200, t.raw("GET /a HTTP/1.1\r\nHost: x\r\n\r\n").status());
            RawResponse tooLong = t.raw("GET /a?" + "q".repeat(64) + " HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(414, tooLong.status());
        }
    }

    @Test
    void maxBodySizeAnswers413() throws Exception {
        try (TrestleTest t = TrestleTest.start(server().maxBodySize(100))) {
            assertEquals("100", t.raw(post(100)).bodyText());
            assertEquals(413, t.raw(post(101)).status());
        }
    }

    @Test
    void maxHeadersAnswers431() throws Exception {
        try (TrestleTest t = TrestleTest.start(server().maxHeaders(3))) {
            assertEquals(200, t.raw("GET /a HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\n\r\n").status());
            assertEquals(431, t.raw("GET /a HTTP/1.1\r\nHost: x\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n").status());
        }
    }

    @Test
    void maxConnectionsPerClientAnswers503() throws Exception {
        try (TrestleTest t = TrestleTest.start(server().maxConnectionsPerClient(1)); RawConnection first = t.connect()) {
            first.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
            assertEquals(200, first.readResponse().status()); // accepted and counted
            try (RawConnection second = t.connect()) {
                second.send("GET /a HTTP/1.1\r\nHost: x\r\n\r\n");
                assertEquals(503, second.readResponse().status());
            }
        }
    }

    @Test
    void theConfigSetsWhatNoSetterSets() throws Exception {
        Config config = Config.of(Map.of("max-body-size", "100", "max-request-line", "64"));
        try (TrestleTest t = TrestleTest.start(server().config(config).maxRequestLine(8192))) {
            assertEquals(413, t.raw(post(101)).status(), "the config's max-body-size");
            assertEquals(200, t.raw("GET /a?" + "q".repeat(64) + " HTTP/1.1\r\nHost: x\r\n\r\n").status(),
                    "the setter's max-request-line");
        }
    }

    @Test
    void aSetterWinsOverTheConfigWhateverTheOrder() throws Exception {
        Config config = Config.of(Map.of("max-body-size", "1KiB"));
        try (TrestleTest before = TrestleTest.start(server().maxBodySize(100).config(config));
             TrestleTest after = TrestleTest.start(server().config(config).maxBodySize(100))) {
            assertEquals(413, before.raw(post(200)).status());
            assertEquals(413, after.raw(post(200)).status());
        }
    }

    @Test
    void aConfigValueOutOfRangeFailsTheBuildNamingTheSetting() {
        Server.Builder b = server().config(Config.of(Map.of("idle-timeout", "0s")));
        RuntimeException e = assertThrows(RuntimeException.class, b::build);
        assertTrue(e.getMessage().contains("idle-timeout"), e.getMessage());
    }

    private static Server.Builder server() {
        return Server.builder().accessLog(false).routes(r -> r
                .get("/a", (req, res) -> res.text("A"))
                .post("/size", (req, res) -> res.text(Integer.toString(req.bodyBytes().length))));
    }

    private static String post(int bytes) {
        return "POST /size HTTP/1.1\r\nHost: x\r\nContent-Length: " + bytes + "\r\n\r\n" + "b".repeat(bytes);
    }
}
