package io.trestle.login;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo account the example app ships ({@code eiger} / {@code 123456}, from the original
 * exercise). Whenever a users file is loaded, a background thread checks whether that account
 * still has that password and logs a warning if so: a well-known password must not go
 * unnoticed in production, and one PBKDF2 run (~0.3 s of CPU) should not delay start-up. The
 * thread waits {@link #START_UP_GRACE_MILLIS} before hashing: on a one-CPU machine a background
 * thread still takes its CPU from the start-up (the example app answered its first request
 * ~0.2 s later with the hash running alongside).
 */
public final class DemoAccount {
    /** The demo user name. */
    public static final String NAME = "eiger";
    private static final Logger log = LoggerFactory.getLogger(DemoAccount.class);
    private static final String PASSWORD = "123456";
    /** How long the check waits, so that it runs after the server has started. */
    static final long START_UP_GRACE_MILLIS = 2_000;

    private DemoAccount() {
    }

    /** Whether {@code users} has the demo account with its well-known password (takes one hash). */
    public static boolean isActive(UsersFile users) {
        PasswordHash hash = users.hash(NAME);
        return hash != null && hash.matches(PASSWORD.toCharArray());
    }

    /**
     * Checks {@code users}, read from {@code file}, off the caller's thread and logs a warning
     * naming the file if the demo account is active.
     */
    static void warnIfActive(UsersFile users, Path file) {
        if (users.hash(NAME) == null) {
            return;
        }
        Thread.ofPlatform().daemon().name("trestle-demo-account-check").start(() -> {
            try {
                Thread.sleep(START_UP_GRACE_MILLIS);
            } catch (InterruptedException e) {
                return; // nothing interrupts this thread; if something does, the check is skipped
            }
            if (isActive(users)) {
                log.warn("The demo account '{}' with its well-known password is active: "
                        + "change it (passwd {}) or remove it from {} before real use", NAME, NAME, file);
            }
        });
    }
}
