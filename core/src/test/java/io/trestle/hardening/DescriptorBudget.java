package io.trestle.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How many loopback connections fit in this JVM's open-file limit when it holds one end of each
 * (the other end lives in a client process, which inherits the same limit): one descriptor per
 * connection, on top of what is open already and a margin for the JDK (jars, selectors, log files).
 *
 * <p>When the limit is too low and {@code CI=true}, it first tries to raise the limit of this very
 * process with {@code prlimit} (allowed for root, or up to the hard limit), so CI measures the full
 * load; elsewhere it scales the test down and says why.
 */
final class DescriptorBudget {
    static final long WANTED_LIMIT = 65_536;
    private static final int MARGIN = 256;

    private DescriptorBudget() {
    }

    /** How many of {@code wanted} connections fit, printing why when fewer. */
    static int connections(int wanted) {
        long needed = (long) wanted + Math.max(0, Resources.openDescriptors()) + MARGIN;
        long limit = openFileLimit();
        if (limit < needed && "true".equals(System.getenv("CI"))) {
            tryRaise();
            limit = openFileLimit();
        }
        if (limit >= needed) {
            return wanted;
        }
        int fit = (int) Math.max(0, limit - Math.max(0, Resources.openDescriptors()) - MARGIN);
        System.out.println("[hardening] the open-file limit is " + limit + " but " + wanted
                + " connections need about " + needed + " descriptors (one per connection in the server's JVM, and as many in the client's):"
                + " testing " + fit + " connections instead. Raise it with `ulimit -n " + WANTED_LIMIT + "`.");
        return fit;
    }

    /** The soft limit on open files from {@code /proc/self/limits}; unlimited when unknown. */
    static long openFileLimit() {
        Path limits = Path.of("/proc/self/limits");
        try {
            for (String line : Files.readAllLines(limits)) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: nothing to check
        }
        return Long.MAX_VALUE;
    }

    private static void tryRaise() {
        String pid = Long.toString(ProcessHandle.current().pid());
        List<String> command = List.of("prlimit", "--pid", pid, "--nofile=" + WANTED_LIMIT + ":" + WANTED_LIMIT);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                System.out.println("[hardening] could not raise the open-file limit with " + command + ": " + output);
            } else {
                System.out.println("[hardening] raised the open-file limit of this JVM to " + openFileLimit());
            }
        } catch (IOException e) {
            System.out.println("[hardening] could not run prlimit to raise the open-file limit: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
