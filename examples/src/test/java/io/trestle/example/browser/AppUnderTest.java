package io.trestle.example.browser;

import io.trestle.Server;
import io.trestle.example.ExampleApp;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The server the browser talks to: the example app started in this JVM on a free port, serving
 * the repository's {@code resources/} with a users file of its own; or, with
 * {@code -Dtrestle.browser.url=http://host:port/}, a server that already runs elsewhere.
 */
final class AppUnderTest implements AutoCloseable {

    // The users file's format is the login module's; a test needs no slow hash to exercise it.
    private static final int ITERATIONS = 1_000;

    private final URI baseUri;
    private final AutoCloseable stop;

    private AppUnderTest(URI baseUri, AutoCloseable stop) {
        this.baseUri = baseUri;
        this.stop = stop;
    }

    static AppUnderTest start(String user, String password) throws Exception {
        String url = System.getProperty("trestle.browser.url", "").trim();
        if (!url.isEmpty()) {
            return new AppUnderTest(URI.create(url), () -> { });
        }
        Path dir = Files.createTempDirectory("trestle-browser-test-");
        Path users = writeUsersFile(dir.resolve("users.properties"), user, password);
        Server server = ExampleApp.start(
                "--port", "0",
                "--root", WebRoot.find().toString(),
                "--users", users.toString(),
                "--pbkdf2-iterations", String.valueOf(ITERATIONS),
                // Every test signs in from 127.0.0.1: only the per-user limit may throttle here.
                "--login-max-failures-client", "1000");
        return new AppUnderTest(URI.create("http://127.0.0.1:" + server.port() + "/"), () -> {
            try {
                server.close();
            } finally {
                Files.deleteIfExists(users);
                Files.deleteIfExists(dir);
            }
        });
    }

    /** A users file with one account: {@code NAME=pbkdf2-sha256$ITERATIONS$SALT$HASH}. */
    static Path writeUsersFile(Path file, String user, String password) throws IOException, GeneralSecurityException {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        spec.clearPassword();
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        Files.writeString(file, user + "=pbkdf2-sha256$" + ITERATIONS + "$" + base64.encodeToString(salt)
                + "$" + base64.encodeToString(hash) + "\n");
        return file;
    }

    URI baseUri() {
        return baseUri;
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }
}
