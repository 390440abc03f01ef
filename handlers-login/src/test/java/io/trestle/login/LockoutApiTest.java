package io.trestle.login;

import java.util.List;
import java.util.Map;

/** {@link LockoutScenarios} with sign-in attempts counted in memory. */
class LockoutApiTest extends LockoutScenarios {
    @Override
    LoginFixture start(Map<String, String> settings) throws Exception {
        return LoginFixture.start(dir, settings, b -> b.trustedProxies(List.of("127.0.0.1")));
    }
}
