package io.trestle.example.scaleout;

import static io.trestle.example.scaleout.HttpCalls.cookiePair;
import static io.trestle.example.scaleout.HttpCalls.get;
import static io.trestle.example.scaleout.HttpCalls.login;
import static io.trestle.example.scaleout.HttpCalls.post;
import static io.trestle.example.scaleout.HttpCalls.send;
import static io.trestle.example.scaleout.HttpCalls.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.login.PasswordHash;
import io.trestle.login.UsersFile;
import io.trestle.testsupport.Programs;
import io.trestle.testsupport.RequiresProgram;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real thing on loopback: Redis, two example-app instances sharing it for sessions and
 * throttling, and nginx balancing round robin over them and naming itself a trusted proxy.
 * Browsers are played by HTTP clients bound to their own loopback addresses (127.0.0.2, .3,
 * .4), so throttling per client address shows that the instances see the real clients behind
 * nginx. Skipped without redis-server and nginx, failed on CI ({@code CI=true}) without them.
 */
@RequiresProgram(value = {ScaleOutTest.REDIS, ScaleOutTest.NGINX}, install = "apt-get install -y redis-server nginx")
class ScaleOutTest {
    static final String REDIS = "redis-server";
    static final String NGINX = "nginx";
    static final String EIGER = "eiger";
    static final String EIGER_PASSWORD = "eiger-scale-out";
    static final String ANN = "ann";
    static final String ANN_PASSWORD = "ann-scale-out";
    static final int MAX_FAILURES_PER_CLIENT = 8;
    static final String INDEX = "<h1>scale-out</h1>";

    @TempDir
    static Path dir;
    static RedisProcess redis;
    static AppInstance a;
    static AppInstance b;
    static NginxProcess nginx;
    static final List<HttpClient> clients = new ArrayList<>();
    static HttpClient alice;
    static HttpClient mallory;
    static HttpClient bob;
    static HttpClient direct;
    static long started;
    static final Map<String, Long> stepMillis = new java.util.LinkedHashMap<>();

    @BeforeAll
    static void startEverything() throws Exception {
        started = System.nanoTime();
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), INDEX);
        Path users = dir.resolve("users.properties");
        UsersFile.empty()
                .withUser(EIGER, PasswordHash.create(EIGER_PASSWORD.toCharArray(), 1000))
                .withUser(ANN, PasswordHash.create(ANN_PASSWORD.toCharArray(), 1000))
                .write(users);

        redis = new RedisProcess(Programs.require(REDIS), Files.createDirectories(dir.resolve("redis")), Processes.freePort());
        redis.start();
        List<String> args = List.of("--root", www.toString(), "--users", users.toString(),
                "--sessions", redis.url(), "--trusted-proxies", "127.0.0.1", "--pbkdf2-iterations", "1000",
                "--login-max-failures-client", String.valueOf(MAX_FAILURES_PER_CLIENT),
                "--plugins", dir.resolve("no-plugins").toString(), "--shutdown-grace", "2s", "--access-log", "false");
        a = new AppInstance(Processes.freePort(), args);
        b = new AppInstance(Processes.freePort(), args);
        a.start();
        b.start();
        direct = client(null);
        nginx = new NginxProcess(Programs.require(NGINX), Files.createDirectories(dir.resolve("nginx")), Processes.freePort());
        nginx.start(List.of(a.port(), b.port()), () -> {
            try {
                return send(direct, get(nginx.uri("/index.html"), null)).statusCode() == 200;
            } catch (UncheckedIOException e) {
                return false;
            }
        });
        alice = client("127.0.0.2");
        mallory = client("127.0.0.3");
        bob = client("127.0.0.4");
        stepMillis.put("start Redis, two instances and nginx", millisSince(started));
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (nginx != null) {
                nginx.close();
            }
        } finally {
            try {
                for (AppInstance app : new AppInstance[] {a, b}) {
                    if (app != null) {
                        app.close();
                    }
                }
            } finally {
                if (redis != null) {
                    redis.close();
                }
                clients.forEach(HttpClient::close);
            }
        }
        if (started != 0) {
            StringBuilder report = new StringBuilder("Scale-out scenario took ").append(millisSince(started)).append(" ms:\n");
            stepMillis.forEach((step, ms) -> report.append(String.format("  %6d ms  %s%n", ms, step)));
            System.out.print(report);
        }
    }

    @Test
    void severalInstancesBehindNginxShareSessionsAndThrottling() throws Exception {
        String cookie = step("sign in through nginx, 100 session checks answered by both instances", () -> {
            HttpResponse<String> in = login(alice, nginx.uri("/api/login"), EIGER, EIGER_PASSWORD);
            assertEquals(200, in.statusCode(), in.body());
            String c = cookiePair(in);
            Map<String, Integer> byInstance = new TreeMap<>();
            for (int i = 0; i < 100; i++) {
                HttpResponse<String> res = send(alice, get(nginx.uri("/api/session"), c));
                assertEquals(200, res.statusCode(), "check " + (i + 1) + ": " + res.body());
                assertEquals("{\"username\":\"eiger\"}", res.body());
                byInstance.merge(upstream(res), 1, Integer::sum);
            }
            assertEquals(2, byInstance.size(), "both instances answered: " + byInstance);
            assertTrue(byInstance.values().stream().allMatch(n -> n >= 40), "round robin, about half each: " + byInstance);
            return c;
        });

        step("sign out through nginx: both instances refuse the old cookie", () -> {
            assertEquals(204, send(alice, post(nginx.uri("/api/logout"), cookie)).statusCode());
            for (AppInstance app : List.of(a, b)) {
                HttpResponse<String> res = send(direct, get(app.uri("/api/session"), cookie));
                assertEquals(401, res.statusCode(), instance(app) + ": " + res.body());
            }
            return null;
        });

        step("failed sign-ins counted across instances, per user and real client, and per real client", () -> {
            Map<String, Integer> byInstance = new TreeMap<>();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> res = login(mallory, nginx.uri("/api/login"), ANN, "guess " + i);
                assertEquals(401, res.statusCode(), res.body());
                byInstance.merge(upstream(res), 1, Integer::sum);
            }
            assertEquals(2, byInstance.size(), "the failures went to both instances: " + byInstance);
            Map<String, Integer> refusedBy = new TreeMap<>();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> res = login(mallory, nginx.uri("/api/login"), ANN, ANN_PASSWORD);
                assertEquals(429, res.statusCode(), "127.0.0.3 made 5 failures for ann: " + res.body());
                refusedBy.merge(upstream(res), 1, Integer::sum);
            }
            assertEquals(2, refusedBy.size(), "both instances refused 127.0.0.3: " + refusedBy);
            for (AppInstance app : List.of(a, b)) {
                assertEquals(200, login(direct, app.uri("/api/login"), ANN, ANN_PASSWORD).statusCode(),
                        "the real user from another address is not locked out, on " + instance(app));
            }
            for (int i = 0; i < MAX_FAILURES_PER_CLIENT - 5; i++) {
                assertEquals(401, login(mallory, nginx.uri("/api/login"), "ghost-" + i, "guess").statusCode());
            }
            assertEquals(429, login(mallory, nginx.uri("/api/login"), EIGER, EIGER_PASSWORD).statusCode(),
                    "127.0.0.3 made " + MAX_FAILURES_PER_CLIENT + " failures over both instances");
            assertEquals(200, login(bob, nginx.uri("/api/login"), EIGER, EIGER_PASSWORD).statusCode(),
                    "127.0.0.4 is another client: nginx's address is not what is throttled");
            return null;
        });

        String bobs = cookiePair(login(bob, nginx.uri("/api/login"), EIGER, EIGER_PASSWORD));
        step("instance A stopped: nginx keeps serving signed-in users from B", () -> {
            a.stop();
            for (int i = 0; i < 20; i++) {
                HttpResponse<String> res = send(bob, get(nginx.uri("/api/session"), bobs));
                assertEquals(200, res.statusCode(), "check " + (i + 1) + " with A down: " + res.body());
                assertEquals(instance(b), upstream(res));
            }
            HttpResponse<String> index = send(bob, get(nginx.uri("/index.html"), bobs));
            assertEquals(INDEX, index.body());
            return null;
        });

        step("instance A restarted on its port: it knows the same sessions and nginx sends it requests again", () -> {
            a.start();
            HttpResponse<String> res = send(direct, get(a.uri("/api/session"), bobs));
            assertEquals("{\"username\":\"eiger\"}", res.body());
            HttpResponse<String> viaNginx = await(Duration.ofSeconds(15), "nginx to use A again", () -> {
                HttpResponse<String> r = send(bob, get(nginx.uri("/api/session"), bobs));
                return upstream(r).equals(instance(a)) ? r : null;
            });
            assertEquals(200, viaNginx.statusCode(), viaNginx.body());
            return null;
        });

        step("Redis stopped: sign-ins and session checks 503, static files 200", () -> {
            redis.stop();
            for (int i = 0; i < 2; i++) { // once per instance, round robin
                HttpResponse<String> in = login(bob, nginx.uri("/api/login"), EIGER, EIGER_PASSWORD);
                assertEquals(503, in.statusCode(), in.body());
                assertTrue(in.body().contains("\"code\":-8"), in.body());
                assertEquals(503, send(bob, get(nginx.uri("/api/session"), bobs)).statusCode());
            }
            for (URI uri : List.of(nginx.uri("/index.html"), a.uri("/index.html"), b.uri("/index.html"))) {
                HttpResponse<String> index = send(direct, get(uri, bobs));
                assertEquals(200, index.statusCode(), uri.toString());
                assertEquals(INDEX, index.body());
            }
            return null;
        });

        step("Redis started again: sign-ins work again by themselves on both instances", () -> {
            redis.start(); // empty: no persistence, so everyone signs in again
            HttpResponse<String> in = await(Duration.ofSeconds(15), "a sign-in through nginx", () -> {
                HttpResponse<String> r = login(bob, nginx.uri("/api/login"), EIGER, EIGER_PASSWORD);
                return r.statusCode() == 200 ? r : null;
            });
            String fresh = cookiePair(in);
            for (AppInstance app : List.of(a, b)) {
                HttpResponse<String> res = await(Duration.ofSeconds(15), instance(app) + " to know the new session", () -> {
                    HttpResponse<String> r = send(direct, get(app.uri("/api/session"), fresh));
                    return r.statusCode() == 200 ? r : null;
                });
                assertEquals("{\"username\":\"eiger\"}", res.body());
            }
            return null;
        });
    }

    // ---- helpers -------------------------------------------------------------------------

    private static <T> T step(String name, ThrowingSupplier<T> body) throws Exception {
        long start = System.nanoTime();
        T result = body.get();
        stepMillis.put(name, millisSince(start));
        return result;
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    /** Tries {@code attempt} every 100 ms until it returns non-null, for at most {@code limit}. */
    private static <T> T await(Duration limit, String what, Supplier<T> attempt) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            Thread.sleep(100);
        }
        T result = attempt.get();
        assertTrue(result != null, "waited " + limit.toSeconds() + " s for " + what);
        return result;
    }

    private static HttpClient client(String localAddress) throws IOException {
        HttpClient c = HttpCalls.client(localAddress);
        clients.add(c);
        return c;
    }

    private static String instance(AppInstance app) {
        return "127.0.0.1:" + app.port();
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
