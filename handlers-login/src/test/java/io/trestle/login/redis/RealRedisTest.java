package io.trestle.login.redis;

import io.trestle.login.MutableClock;
import io.trestle.testsupport.RequiresProgram;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;

/**
 * Tests against a real Redis started once per test class: a {@link RedisLink} for the code under
 * test, a plain client to look inside, and an empty database before every test.
 */
@RequiresProgram(value = RedisServer.PROGRAM, install = RedisServer.INSTALL_HINT)
abstract class RealRedisTest {
    @TempDir
    static Path dir;
    static RedisServer server;
    static RedisLink link;
    static RedisClient inspect;

    // Redis keeps times to the millisecond.
    final MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.MILLIS));

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start(dir);
        link = RedisLink.connect(server.address(), RedisLink.DEFAULT_TIMEOUT);
        inspect = RedisClient.create("127.0.0.1", server.port());
    }

    @AfterAll
    static void stopRedis() throws Exception {
        if (inspect != null) {
            inspect.close();
        }
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void emptyRedis() {
        inspect.flushAll();
    }
}
