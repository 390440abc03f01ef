package io.trestle.hardening;

import io.trestle.testing.RawConnection;
import io.trestle.testing.RawResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The client side of {@link ConnectionLoadTest}, run in a JVM of its own so that the server's JVM
 * spends its open-file limit on server sockets only.
 *
 * <p>Arguments: {@code host port connections requestsPerConnection wave deadlineSeconds}. It opens
 * the connections in waves of {@code wave}, each making request 0 as its wave opens, so that all are
 * held at once; then prints {@code HELD n} and waits for a {@code GO} line on stdin (the parent
 * measures the server meanwhile). Then every connection makes its remaining keep-alive requests,
 * all at once, and closes. Request {@code r} on connection {@code c} is {@code GET /c/c/r}, answered
 * 200 with the body {@code c:r} and no {@code Connection} header. Last it prints
 * {@code SUMMARY held=.. requests=.. ok=.. errors=.. first=[..]} and exits 0 only if nothing failed.
 *
 * <p>Exit codes: 0 all answered correctly, 1 some failure, 2 no {@code GO} (the parent left or gave
 * up), 3 past the deadline, 4 bad arguments.
 */
public final class LoadClientMain {
    private LoadClientMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6) {
            System.out.println("usage: LoadClientMain host port connections requestsPerConnection wave deadlineSeconds");
            System.exit(4);
        }
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        int requests = Integer.parseInt(args[3]);
        int wave = Integer.parseInt(args[4]);
        int deadlineSeconds = Integer.parseInt(args[5]);

        Tally tally = new Tally();
        int[] held = {0};
        // Whatever blocks (a connect, a read, the parent), the process ends by the deadline.
        Thread.ofPlatform().daemon().name("load-client-deadline").start(() -> {
            try {
                Thread.sleep(deadlineSeconds * 1000L);
            } catch (InterruptedException e) {
                return;
            }
            summary("timed out after " + deadlineSeconds + " s", held[0], tally);
            Runtime.getRuntime().halt(3);
        });

        RawConnection[] clients = new RawConnection[n];
        try {
            for (int from = 0; from < n; from += wave) {
                int to = Math.min(n, from + wave);
                for (int i = from; i < to; i++) {
                    try {
                        clients[i] = RawConnection.open(host, port).timeout(30_000);
                    } catch (IOException e) {
                        tally.error("connection " + i + " could not connect: " + e);
                    }
                }
                exchange(clients, from, to, 0, 1, tally);
            }
            held[0] = tally.oks();
            System.out.println("HELD " + held[0] + " descriptors=" + Resources.openDescriptors());
            System.out.flush();

            String go = awaitLine(deadlineSeconds);
            if (!"GO".equals(go)) {
                summary("no GO from the parent: " + go, held[0], tally);
                System.exit(2);
            }
            exchange(clients, 0, n, 1, requests, tally);
        } finally {
            for (RawConnection c : clients) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // the server closed it first; the requests say whether that was wrong
                    }
                }
            }
        }
        boolean clean = tally.errors() == 0 && held[0] == n && tally.oks() == n * requests;
        summary(clean ? "ok" : "failed", held[0], tally);
        System.exit(clean ? 0 : 1);
    }

    /** The next line on stdin, or a description of why there is none within {@code seconds}. */
    private static String awaitLine(int seconds) throws InterruptedException {
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                line.complete(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine());
            } catch (IOException e) {
                line.complete("stdin failed: " + e);
            }
        });
        try {
            String s = line.get(seconds, TimeUnit.SECONDS);
            return s == null ? "stdin closed" : s.trim();
        } catch (TimeoutException e) {
            return "nothing within " + seconds + " s";
        } catch (java.util.concurrent.ExecutionException e) {
            return "stdin failed: " + e.getCause();
        }
    }

    private static void summary(String outcome, int held, Tally tally) {
        System.out.println("SUMMARY held=" + held + " requests=" + (tally.oks() + tally.errors()) + " ok=" + tally.oks()
                + " errors=" + tally.errors() + " outcome=" + outcome + " first=" + tally.firstErrors());
        System.out.flush();
    }

    /** Every open connection in {@code [from, to)} makes requests {@code first..last-1} in turn, all connections at once. */
    private static void exchange(RawConnection[] clients, int from, int to, int first, int last, Tally tally) {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = from; i < to; i++) {
                RawConnection c = clients[i];
                if (c == null) {
                    continue; // its failed connect is counted already
                }
                int id = i;
                threads.execute(() -> {
                    for (int r = first; r < last; r++) {
                        if (!request(c, id, r, tally)) {
                            return; // the rest would fail the same way
                        }
                    }
                });
            }
        }
    }

    private static boolean request(RawConnection c, int id, int r, Tally tally) {
        String expected = id + ":" + r;
        try {
            c.send("GET /c/" + id + "/" + r + " HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse res = c.readResponse();
            if (res.status() == 200 && expected.equals(res.bodyText()) && res.header("Connection") == null) {
                tally.ok();
                return true;
            }
            tally.error("connection " + id + " request " + r + ": " + res.statusLine() + " " + res.bodyText());
        } catch (IOException | RuntimeException e) {
            tally.error("connection " + id + " request " + r + ": " + e);
        }
        return false;
    }
}
