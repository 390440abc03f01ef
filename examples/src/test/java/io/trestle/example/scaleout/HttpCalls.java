package io.trestle.example.scaleout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The scale-out test's HTTP calls: clients bound to a loopback address of their own, the login API. */
final class HttpCalls {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HttpCalls() {
    }

    /** A client whose connections come from {@code localAddress} (e.g. 127.0.0.2), or any when null. */
    static HttpClient client(String localAddress) throws IOException {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(InetAddress.getByName(localAddress));
        }
        return builder.build();
    }

    static HttpRequest.Builder get(URI uri, String cookie) {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET();
        return cookie == null ? r : r.header("Cookie", cookie);
    }

    static HttpRequest.Builder post(URI uri, String cookie) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody());
    }

    static HttpResponse<String> login(HttpClient client, URI uri, String user, String password) {
        String json = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return send(client, HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code TRESTLE_SESSION=<id>} from a sign-in's Set-Cookie. */
    static String cookiePair(HttpResponse<String> res) {
        String field = res.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no cookie: " + res.body()));
        return field.substring(0, field.indexOf(';'));
    }

    /** The instance that answered through nginx: the last of {@code X-Upstream} (earlier ones failed). */
    static String upstream(HttpResponse<?> res) {
        String all = res.headers().firstValue("X-Upstream").orElse("");
        return all.substring(all.lastIndexOf(' ') + 1);
    }
}
