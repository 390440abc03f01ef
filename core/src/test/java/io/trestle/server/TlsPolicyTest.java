package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.config.CoreSettings;
import io.trestle.config.RawSettings;
import io.trestle.config.UsageException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the TLS layer offers: TLS 1.3, and TLS 1.2 with ECDHE and AEAD suites only; ALPN
 * {@code http/1.1}; no client-initiated renegotiation. Each check is a real handshake.
 */
class TlsPolicyTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        server = Server.builder().host("127.0.0.1").port(0).accessLog(false).tls(certificate.server())
                .routes(r -> r.get("/hi", (req, res) -> res.text("hi")))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static SSLSocket socket(String protocol, String... suites) throws IOException {
        SSLSocket socket = (SSLSocket) certificate.client().getSocketFactory().createSocket("127.0.0.1", server.port());
        socket.setSoTimeout(10_000);
        socket.setEnabledProtocols(new String[] {protocol});
        if (suites.length > 0) {
            socket.setEnabledCipherSuites(suites);
        }
        return socket;
    }

    /** Sends GET /hi and reads the response; the body text, or what went wrong. */
    private static String get(SSLSocket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write("GET /hi HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        while (!got.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\nhi")) {
            int n = in.read(buf);
            if (n < 0) {
                return "closed after: " + got.toString(StandardCharsets.ISO_8859_1);
            }
            got.write(buf, 0, n);
        }
        return "hi";
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"})
    void tls12WithAnAeadSuiteWorks(String suite) throws Exception {
        try (SSLSocket socket = socket("TLSv1.2", suite)) {
            socket.startHandshake();
            assertEquals(suite, socket.getSession().getCipherSuite());
            assertEquals("hi", get(socket));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256"})
    void tls13Works(String suite) throws Exception {
        try (SSLSocket socket = socket("TLSv1.3", suite)) {
            socket.startHandshake();
            assertEquals("TLSv1.3", socket.getSession().getProtocol());
            assertEquals("hi", get(socket));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA",
            "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"})
    void tls12WithoutForwardSecrecyOrWithCbcIsRefused(String suite) throws Exception {
        try (SSLSocket socket = socket("TLSv1.2", suite)) {
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void tls11IsRefused() throws Exception {
        try (SSLSocket socket = socket("TLSv1.2")) {
            try {
                socket.setEnabledProtocols(new String[] {"TLSv1.1"});
                socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"});
            } catch (IllegalArgumentException unsupported) {
                return; // this JDK cannot even offer TLS 1.1
            }
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void alpnSelectsHttp11() throws Exception {
        try (SSLSocket socket = socket("TLSv1.3")) {
            SSLParameters params = socket.getSSLParameters();
            params.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            socket.setSSLParameters(params);
            socket.startHandshake();
            assertEquals("http/1.1", socket.getApplicationProtocol());
            assertEquals("hi", get(socket));
        }
        // The JDK's HttpClient offers h2 and http/1.1 and falls back to HTTP/1.1.
        try (HttpClient client = HttpClient.newBuilder().sslContext(certificate.client()).build()) {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(server.uri().resolve("/hi")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
            assertEquals(HttpClient.Version.HTTP_1_1, res.version());
        }
    }

    @Test
    void noAlpnStillWorks() throws Exception {
        try (SSLSocket socket = socket("TLSv1.2")) {
            socket.startHandshake();
            assertEquals("", socket.getApplicationProtocol());
            assertEquals("hi", get(socket));
        }
    }

    @Test
    void aClientOfferingOnlyH2GetsNoApplicationProtocol() throws Exception {
        try (SSLSocket socket = socket("TLSv1.3")) {
            SSLParameters params = socket.getSSLParameters();
            params.setApplicationProtocols(new String[] {"h2"});
            socket.setSSLParameters(params);
            SSLHandshakeException e = assertThrows(SSLHandshakeException.class, socket::startHandshake);
            assertTrue(String.valueOf(e.getMessage()).contains("no_application_protocol"), e.getMessage());
        }
    }

    @Test
    void clientInitiatedRenegotiationIsRefusedAndTheConnectionClosed() throws Exception {
        int served = 0;
        int refused = 0;
        for (int i = 0; i < 3; i++) {
            try (SSLSocket socket = socket("TLSv1.2")) {
                socket.startHandshake();
                assertEquals("hi", get(socket)); // a normal TLS 1.2 request works
                served++;
                socket.startHandshake(); // on an established TLS 1.2 connection: a renegotiation
                String after;
                try {
                    after = get(socket);
                } catch (SSLException | java.net.SocketException e) {
                    after = "failed: " + e;
                }
                if (!after.equals("hi")) {
                    refused++;
                }
            }
        }
        assertEquals(3, served);
        assertEquals(3, refused, "renegotiations the server went along with: " + (3 - refused));
        assertEquals("true", System.getProperty(TlsSockets.REJECT_RENEGOTIATION));
    }

    @Test
    void opensslRenegotiationIsRefused() throws Exception {
        Path openssl = Path.of("/usr/bin/openssl");
        org.junit.jupiter.api.Assumptions.assumeTrue(openssl.toFile().canExecute(), "no openssl here");
        Process p = new ProcessBuilder(openssl.toString(), "s_client", "-tls1_2", "-connect", "127.0.0.1:" + server.port(),
                "-servername", "localhost")
                .redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            Thread.sleep(1500); // the handshake
            in.write("R\n".getBytes(StandardCharsets.US_ASCII)); // s_client: renegotiate
            in.flush();
            Thread.sleep(1500);
            in.write("GET /hi HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            in.flush();
            Thread.sleep(1500);
        } catch (IOException closed) {
            // s_client ended already: the server closed the connection
        }
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "s_client still connected");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("RENEGOTIATING"), out);
        assertTrue(out.contains("handshake failure") || out.contains("alert"), out);
        assertFalse(out.contains("\r\n\r\nhi") || out.contains("\n\nhi"), out);
    }

    @Test
    void unknownNamesAreUsageErrors() {
        UsageException suite = assertThrows(UsageException.class,
                () -> RawSettings.parse(new String[] {"--tls-ciphers", "TLS_AES_128_GCM_SHA256,TLS_NO_SUCH_SUITE"}, Map.of())
                        .resolve(CoreSettings.ALL));
        assertTrue(suite.getMessage().contains("TLS_NO_SUCH_SUITE"), suite.getMessage());
        UsageException version = assertThrows(UsageException.class,
                () -> RawSettings.parse(new String[] {"--tls-protocols", "TLSv1.9"}, Map.of()).resolve(CoreSettings.ALL));
        assertTrue(version.getMessage().contains("TLSv1.9"), version.getMessage());
        UsageException noSuite = assertThrows(UsageException.class, () -> CoreSettings.tlsPolicy(
                RawSettings.parse(new String[] {"--tls-protocols", "TLSv1.3", "--tls-ciphers",
                        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"}, Map.of()).resolve(CoreSettings.ALL)));
        assertTrue(noSuite.getMessage().contains("TLSv1.3"), noSuite.getMessage());
    }

    @Test
    void settingsNarrowWhatIsOffered() throws Exception {
        TlsPolicy only13 = CoreSettings.tlsPolicy(RawSettings.parse(new String[] {"--tls-protocols", "TLSv1.3",
                "--tls-ciphers", "TLS_CHACHA20_POLY1305_SHA256"}, Map.of()).resolve(CoreSettings.ALL));
        assertEquals(new TlsPolicy(List.of("TLSv1.3"), List.of("TLS_CHACHA20_POLY1305_SHA256")), only13);
        try (Server narrow = Server.builder().host("127.0.0.1").port(0).accessLog(false).tls(certificate.server())
                .config(io.trestle.Config.of(Map.of("tls-protocols", "TLSv1.3", "tls-ciphers", "TLS_CHACHA20_POLY1305_SHA256")))
                .routes(r -> r.get("/hi", (req, res) -> res.text("hi"))).build().start()) {
            try (SSLSocket s = (SSLSocket) certificate.client().getSocketFactory().createSocket("127.0.0.1", narrow.port())) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                assertEquals("TLS_CHACHA20_POLY1305_SHA256", s.getSession().getCipherSuite());
            }
            try (SSLSocket s = (SSLSocket) certificate.client().getSocketFactory().createSocket("127.0.0.1", narrow.port())) {
                s.setSoTimeout(10_000);
                s.setEnabledProtocols(new String[] {"TLSv1.2"});
                assertThrows(SSLHandshakeException.class, s::startHandshake);
            }
        }
    }
}
