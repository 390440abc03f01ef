package io.trestle.login;

import io.trestle.login.redis.RedisServer;
import io.trestle.testsupport.RequiresProgram;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** {@link LockoutScenarios} with sign-in attempts counted in a real Redis ({@code --sessions redis://...}). */
@RequiresProgram(value = RedisServer.PROGRAM, install = RedisServer.INSTALL_HINT)
class RedisLockoutApiTest extends LockoutScenarios {
    RedisServer redis;

    @BeforeEach
    void startRedis() throws Exception {
        redis = RedisServer.start(dir);
    }

    @AfterEach
    void stopRedis() throws Exception {
        stopServer(); // before Redis, so the server's last calls still reach it
        f = null;
        if (redis != null) { // null when starting it failed
            redis.close();
        }
    }

    @Override
    LoginFixture start(Map<String, String> settings) throws Exception {
        return LoginFixture.start(dir, settings, b -> b.trustedProxies(List.of("127.0.0.1")), redis.url());
    }
}
