package io.trestle.staticfiles;

import io.trestle.Config;
import io.trestle.Routes;
import io.trestle.Server;
import io.trestle.testing.TrestleTest;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/** Starts a server serving a test's web root through {@link StaticFilesPlugin}, as discovery would. */
final class StaticServer {

    private StaticServer() {
    }

    /** A server on {@code root} with extra settings given as name, value, name, value... */
    static TrestleTest start(Path root, String... settings) {
        return start(root, r -> { }, settings);
    }

    static TrestleTest start(Path root, Consumer<Routes> routes, String... settings) {
        Map<String, String> values = new HashMap<>();
        values.put("root", root.toString());
        for (int i = 0; i < settings.length; i += 2) {
            values.put(settings[i], settings[i + 1]);
        }
        return TrestleTest.start(Server.builder()
                .config(Config.of(values))
                .plugin(new StaticFilesPlugin())
                .routes(routes)
                .accessLog(false));
    }

    /** A GET request with headers given as name, value, name, value... (none is fine). */
    static HttpRequest.Builder request(TrestleTest t, String path, String... headers) {
        HttpRequest.Builder builder = t.request(path);
        return headers.length == 0 ? builder : builder.headers(headers);
    }

    static String sha256(byte[] bytes) {
        return sha256(bytes, 0, bytes.length);
    }

    static String sha256(byte[] bytes, int from, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes, from, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
