package io.trestle.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.testing.TrestleTest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An unknown user name takes about as long to refuse as a wrong password, with the real
 * iteration count: the difference must not tell an attacker which names exist. Generous bound
 * (3x between medians) because the machine is shared.
 */
class TimingTest {

    @Test
    void unknownUsersTakeAboutAsLongAsWrongPasswords(@TempDir Path dir) throws Exception {
        Path users = dir.resolve("users.properties");
        UsersFile.empty().withUser("ann", PasswordHash.create("right".toCharArray(), PasswordHash.RECOMMENDED_ITERATIONS)).write(users);
        Config config = Config.of(Map.of("users", users.toString(), "login-max-failures-user-client", "100",
                "login-max-failures-client", "100"));
        try (TrestleTest t = TrestleTest.start(Server.builder().config(config).plugin(new LoginPlugin()))) {
            t.post("/api/login", "application/json", LoginFixture.credentials("warm", "up")); // JIT, class loading
            int runs = 3;
            long[] wrong = new long[runs];
            long[] unknown = new long[runs];
            for (int i = 0; i < runs; i++) {
                wrong[i] = time(t, "ann");
                unknown[i] = time(t, "nobody" + i);
            }
            long w = median(wrong);
            long u = median(unknown);
            assertTrue(u * 3 > w && w * 3 > u, "wrong password " + w / 1_000_000 + " ms, unknown user " + u / 1_000_000 + " ms");
            assertTrue(u > 10_000_000, "an unknown user costs a real hash: " + u / 1_000_000 + " ms");
        }
    }

    private static long time(TrestleTest t, String user) {
        long start = System.nanoTime();
        int status = t.post("/api/login", "application/json", LoginFixture.credentials(user, "wrong")).statusCode();
        long took = System.nanoTime() - start;
        assertEquals(401, status);
        return took;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
