package io.trestle.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The minimum request data rate over TLS: the sweeper ends the read beneath the TLS layer, so a
 * trickled body ends its connection on time (with a 408 where TLS 1.3 still lets the server
 * speak; a TLS 1.2 layer closes both ways).
 */
class TlsDataRateTest {
    @TempDir
    static Path dir;
    static SelfSignedCertificate certificate;
    static Server server;

    @BeforeAll
    static void start() throws Exception {
        certificate = SelfSignedCertificate.create(dir);
        server = Server.builder().host("127.0.0.1").port(0).accessLog(false).tls(certificate.server())
                .dataRateWindow(Duration.ofSeconds(2))
                .routes(r -> r.post("/upload", (req, res) -> res.text("got " + req.body().readAllBytes().length)))
                .build().start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void aTrickledBodyIsCutOff(String protocol) throws Exception {
        try (SSLSocket socket = (SSLSocket) certificate.client().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setEnabledProtocols(new String[] {protocol});
            socket.setSoTimeout(500);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            String how = "still open";
            while (System.nanoTime() - start < 20_000_000_000L) {
                try {
                    out.write('a');
                    out.flush();
                    int b = in.read();
                    if (b < 0) {
                        how = "closed";
                        break;
                    }
                    got.write(b);
                    got.write(in.readAllBytes());
                    how = "answered";
                    break;
                } catch (SocketTimeoutException goOn) {
                    // the trickle goes on
                } catch (IOException e) {
                    how = got.size() > 0 ? "answered" : "closed: " + e;
                    break;
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            String text = got.toString(StandardCharsets.ISO_8859_1);
            assertTrue(!how.equals("still open"), "never cut off");
            assertTrue(millis >= 1_500 && millis <= 12_000, "cut off after " + millis + " ms");
            if (protocol.equals("TLSv1.3")) {
                assertTrue(text.startsWith("HTTP/1.1 408 "), how + ": " + text);
            }
        }
    }
}
