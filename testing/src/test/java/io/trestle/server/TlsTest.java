package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a self-signed certificate made at test time ({@link SelfSignedCertificate}). */
class TlsTest {
    @TempDir
    static Path dir;
    static Server server;
    static SSLContext clientTls;
    static Path file;

    @BeforeAll
    static void start() throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.create(dir);
        file = dir.resolve("big.bin");
        byte[] data = new byte[300_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Files.write(file, data);
        server = Server.builder().host("127.0.0.1").port(0)
                .tls(certificate.server())
                .routes(r -> r.get("/who", (req, res) -> res.text(req.scheme() + " " + req.isSecure()))
                        .get("/file", (req, res) -> res.contentType("application/octet-stream").file(file)))
                .build().start();

        clientTls = certificate.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpClient client(String... protocols) {
        SSLParameters params = new SSLParameters();
        params.setProtocols(protocols);
        return HttpClient.newBuilder().sslContext(clientTls).sslParameters(params).build();
    }

    @Test
    void servesHttpsWithHstsAndSecureScheme() throws Exception {
        assertEquals("https", server.uri().getScheme());
        try (HttpClient client = client("TLSv1.3")) {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(server.uri().resolve("/who")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals("https true", res.body());
            assertEquals("max-age=31536000", res.headers().firstValue("Strict-Transport-Security").orElseThrow());
            assertEquals("nosniff", res.headers().firstValue("X-Content-Type-Options").orElseThrow());
        }
    }

    @Test
    void tls12IsAccepted() throws Exception {
        try (HttpClient client = client("TLSv1.2")) {
            HttpResponse<String> res = client.send(HttpRequest.newBuilder(server.uri().resolve("/who")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, res.statusCode());
        }
    }

    @Test
    void filesGoThroughTheTlsLayerIntact() throws Exception {
        try (HttpClient client = client("TLSv1.3")) {
            HttpResponse<byte[]> res = client.send(HttpRequest.newBuilder(server.uri().resolve("/file")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(Files.size(file), res.body().length);
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(file), res.body()));
        }
    }

    @Test
    void tls11IsRefused() throws Exception {
        try (SSLSocket socket = (SSLSocket) clientTls.getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            try {
                socket.setEnabledProtocols(new String[] {"TLSv1.1"});
            } catch (IllegalArgumentException unsupported) {
                return; // this JDK can't even offer TLS 1.1: nothing older than 1.2 can reach us
            }
            assertThrows(SSLHandshakeException.class, socket::startHandshake);
        }
    }

    @Test
    void plainHttpOnTheTlsPortIsNotServed() throws Exception {
        try (io.trestle.testing.RawConnection c = io.trestle.testing.RawConnection.open("127.0.0.1", server.port())) {
            c.send("GET /who HTTP/1.1\r\nHost: x\r\n\r\n");
            String all = c.readAll();
            assertTrue(!all.contains("https true"), all);
        }
    }
}
