package io.trestle.login.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.login.StoreUnavailableException;
import io.trestle.testsupport.LogCapture;
import io.trestle.testsupport.RequiresProgram;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/** Redis going away and coming back: quick 503s, one log line, recovery without a restart. */
@RequiresProgram(value = RedisServer.PROGRAM, install = RedisServer.INSTALL_HINT)
class RedisLinkTest {
    @TempDir
    Path dir;
    RedisServer server;
    RedisLink link;

    @AfterEach
    void stop() throws Exception {
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private List<String> outageLines(LogCapture log) {
        return log.lines().stream().filter(l -> l.contains(server.address().toString())).toList();
    }

    @Test
    void whileRedisIsDownCallsFailQuicklyAndTheOutageIsLoggedOnce() throws Exception {
        server = RedisServer.start(dir);
        link = RedisLink.connect(server.address(), RedisLink.DEFAULT_TIMEOUT);
        assertEquals("PONG", link.call(UnifiedJedis::ping));
        server.stop();
        try (LogCapture log = LogCapture.of(RedisLink.class)) {
            long start = System.nanoTime();
            for (int i = 0; i < 50; i++) {
                StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> link.call(UnifiedJedis::ping));
                assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(5)) < 0,
                    "50 calls to a stopped Redis answered within seconds, not a timeout each");
            List<String> lines = outageLines(log);
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("WARN ") && lines.get(0).contains("is unavailable"), lines.get(0));
        }
    }

    @Test
    void whenRedisIsBackCallsWorkAgainByThemselves() throws Exception {
        server = RedisServer.start(dir);
        link = RedisLink.connect(server.address(), RedisLink.DEFAULT_TIMEOUT);
        link.call(r -> r.set("k", "before"));
        server.stop();
        assertThrows(StoreUnavailableException.class, () -> link.call(r -> r.get("k")));
        try (LogCapture log = LogCapture.of(RedisLink.class)) {
            server.start();
            String value = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    value = link.call(r -> r.set("k", "after"));
                    break;
                } catch (StoreUnavailableException e) {
                    Thread.sleep(50); // paused after the failure: tried again within a second
                }
            }
            assertEquals("OK", value, "Redis answered again within seconds");
            assertEquals("after", link.call(r -> r.get("k")));
            List<String> lines = outageLines(log);
            assertTrue(lines.size() == 1 && lines.get(0).startsWith("INFO ") && lines.get(0).contains("answers again"),
                    lines.toString());
        }
    }

    @Test
    void aRedisRestartCostsNoFailedCall() throws Exception {
        server = RedisServer.start(dir);
        link = RedisLink.connect(server.address(), RedisLink.DEFAULT_TIMEOUT);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // several pooled connections, all dead after the restart
            threads.add(Thread.ofVirtual().start(() -> link.call(r -> r.incr("n"))));
        }
        for (Thread t : threads) {
            t.join();
        }
        server.stop();
        server.start();
        for (int i = 0; i < 8; i++) {
            long n = link.call(r -> r.incr("n"));
            assertEquals(i + 1L, n, "call " + (i + 1) + " after the restart (Redis came back empty)");
        }
    }

    @Test
    void aRedisThatNeverAnswersTimesOutAndIsNotAskedAgainAtOnce() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofPlatform().daemon().start(() -> {
                while (!silent.isClosed()) {
                    try {
                        accepted.add(silent.accept()); // and never answer
                        connections.incrementAndGet();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            link = RedisLink.connect(RedisAddress.parse("redis://127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(300));
            long start = System.nanoTime();
            assertThrows(StoreUnavailableException.class, () -> link.call(UnifiedJedis::ping));
            assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofSeconds(3)) < 0, "timed out, not hung");
            for (int i = 0; i < 10; i++) {
                assertThrows(StoreUnavailableException.class, () -> link.call(UnifiedJedis::ping));
            }
            assertEquals(1, connections.get(), "calls right after a timeout fail without connecting");
            silent.close();
            acceptor.join(2000);
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void describeJoinsTheMessageAndItsRootCause() {
        Exception e = new IllegalStateException("Failed to connect to 127.0.0.1:1",
                new RuntimeException("wrapped", new java.net.ConnectException("Connection refused")));
        assertEquals("Failed to connect to 127.0.0.1:1: Connection refused", RedisLink.describe(e));
        assertEquals("IllegalStateException", RedisLink.describe(new IllegalStateException()));
        Exception refused = new IllegalStateException("Failed to connect to 127.0.0.1:1.");
        refused.addSuppressed(new java.net.ConnectException("Connection refused"));
        assertEquals("Failed to connect to 127.0.0.1:1: Connection refused", RedisLink.describe(refused));
    }
}
