package io.trestle.reload;

import io.trestle.discovery.JarStamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;

/**
 * Tells a jar still being copied from a complete one. A jar is settled once its stamp (size,
 * time, identity) has not changed for the settle time <em>and</em> it opens as a zip file (its
 * central directory, written last, is there). A file that stays unchanged but unreadable for
 * {@link #GIVE_UP_FACTOR} settle times is handed over anyway, so the operator gets the deployer's
 * "not a readable jar" warning instead of silence.
 *
 * <pre>{@code
 * SettleCheck settle = new SettleCheck(Duration.ofMillis(300).toNanos());
 * if (settle.settled("hello.jar", path, JarStamp.of(path), System.nanoTime())) deployer.deploy(path);
 * }</pre>
 */
final class SettleCheck {
    static final int GIVE_UP_FACTOR = 20;

    private record Seen(JarStamp stamp, long sinceNanos) {
    }

    private final long settleNanos;
    private final Map<String, Seen> seen = new HashMap<>();

    SettleCheck(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /** Whether the jar {@code name} at {@code path}, now with {@code stamp}, is complete. */
    boolean settled(String name, Path path, JarStamp stamp, long nowNanos) {
        Seen s = seen.get(name);
        if (s == null || !s.stamp().equals(stamp)) {
            seen.put(name, new Seen(stamp, nowNanos));
            return false;
        }
        long unchanged = nowNanos - s.sinceNanos();
        if (unchanged < settleNanos) {
            return false;
        }
        if (opensAsZip(path) || unchanged >= settleNanos * GIVE_UP_FACTOR) {
            seen.remove(name);
            return true;
        }
        return false;
    }

    /** Stops tracking jars not in {@code names} (deleted, or nothing to do for them). */
    void retainOnly(Set<String> names) {
        seen.keySet().retainAll(names);
    }

    /** Whether some jar is waiting to settle (the watcher then looks again soon). */
    boolean waiting() {
        return !seen.isEmpty();
    }

    private static boolean opensAsZip(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return zip.size() >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
