package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Server;
import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example app over HTTPS, as the README shows it: a keystore, a password file, a plain-HTTP redirect. */
class HttpsAppTest {
    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void servesHttpsRedirectsPlainHttpAndMarksCookiesSecure() throws Exception {
        Path keystore = tmp.resolve("server.p12");
        Path passwordFile = tmp.resolve("server.pass");
        String password = "pw-" + System.nanoTime();
        Files.writeString(passwordFile, password + "\n");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", password)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool: " + out);
        int plainPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            plainPort = probe.getLocalPort();
        }
        try (Server server = ExampleApp.start("--port", "0", "--root", REPO.resolve("resources").toString(),
                "--plugins", tmp.resolve("plugins").toString(), "--no-reload",
                "--users", REPO.resolve("users.properties").toString(),
                "--tls-keystore", keystore.toString(), "--tls-password-file", passwordFile.toString(),
                "--redirect-http", String.valueOf(plainPort));
             HttpClient client = HttpClient.newBuilder().sslContext(trusting(keystore, password)).build()) {
            assertEquals("https", server.uri().getScheme());
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(server.uri().resolve("/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("<form"));
            assertEquals("max-age=31536000", page.headers().firstValue("Strict-Transport-Security").orElseThrow());
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
            assertEquals("strict-origin-when-cross-origin", page.headers().firstValue("Referrer-Policy").orElseThrow());

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(server.uri().resolve("/api/login"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"eiger\",\"password\":\"123456\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("; Secure"), cookie);
            assertTrue(cookie.contains("HttpOnly"), cookie);

            try (RawConnection plain = RawConnection.open("127.0.0.1", plainPort)) {
                plain.send("POST /api/login?x=1 HTTP/1.1\r\nHost: localhost:" + plainPort + "\r\nContent-Length: 0\r\n\r\n");
                RawResponse redirect = plain.readResponse();
                assertEquals(308, redirect.status());
                assertEquals("https://localhost:" + server.port() + "/api/login?x=1", redirect.header("Location"));
            }
        }
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, password.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }
}
