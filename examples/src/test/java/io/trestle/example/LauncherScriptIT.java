package io.trestle.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Command;
import io.trestle.Setting;
import io.trestle.config.CoreSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * {@code bin/trestle}, the README's first command: it finds a JDK, and on JDK 25+ the first run
 * that starts the server records what it loads; when it stops, a detached step turns that into an
 * AOT cache that later runs start from. Each test runs a copy of the script and the jar in a
 * folder of its own, so the cache files of one test are not another's.
 */
class LauncherScriptIT {
    static final Path REPO = ExampleJarIT.REPO;
    /** A line the JVM prints itself, never the app or the script. */
    static final List<String> JVM_SIGNS = List.of("[aot]", "[warning]", "[error]", "Error occurred", "Child process",
            "AOTConfiguration", "AOTCache", "Picked up");
    /** A line of the app's log (logback: time, level) or its access log (an address first). */
    static final Pattern APP_LINE = Pattern.compile("^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3} |\\d+\\.\\d+\\.\\d+\\.\\d+ - ).*");

    private Path home;

    @BeforeEach
    void copyScriptAndJar(TestInfo test) throws IOException {
        home = REPO.resolve("examples/target/launcher-it").resolve(test.getTestMethod().orElseThrow().getName());
        deleteTree(home);
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("examples/target"));
        for (String script : List.of("bin/trestle", "bin/find-java")) {
            Files.copy(REPO.resolve(script), home.resolve(script));
            home.resolve(script).toFile().setExecutable(true);
        }
        Files.copy(REPO.resolve("examples/target/trestle-example.jar"), home.resolve("examples/target/trestle-example.jar"));
    }

    @Test
    void theFirstRunTrainsQuietlyAndTheNextStartsFromIt() throws Exception {
        assumeJdk25();
        Run first = Run.start(home, Map.of());
        Stopped stopped = first.stop();
        assertEquals(143, stopped.status(), "the app's status after SIGTERM: " + stopped.lines());
        assertQuietStop(stopped);
        assertTrue(stopped.lines().stream().anyMatch(l -> l.startsWith("bin/trestle: building the AOT cache")),
                "the one line of ours says what happens: " + stopped.lines());
        System.out.println("bin/trestle: first stop (SIGTERM to exit) " + stopped.millis() + " ms");

        Path cache = awaitOneCache();
        FileTime trained = Files.getLastModifiedTime(cache);
        Stopped second = Run.start(home, Map.of()).stop();
        assertEquals(143, second.status());
        assertNoJvmLine(second.all());
        assertFalse(second.all().stream().anyMatch(l -> l.startsWith("bin/trestle:")), "nothing to say: " + second.all());
        assertEquals(List.of(cache), aotFiles(), "started from the cache, trained nothing");
        assertEquals(trained, Files.getLastModifiedTime(cache));
        assertCacheUsable(cache, List.of());
    }

    @Test
    void aRecordEndedWhileServingLeavesNothingForTheStop() throws Exception {
        assumeJdk25();
        Run first = Run.start(home, Map.of("TRESTLE_AOT_RECORD_SECONDS", "1"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (aotFiles().stream().noneMatch(LauncherScriptIT::written) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(aotFiles().stream().anyMatch(LauncherScriptIT::written), "jcmd wrote the record: " + aotFiles());
        Thread.sleep(500); // jcmd ends after the file is written
        Stopped stopped = first.stop();
        assertEquals(143, stopped.status(), stopped.lines().toString());
        assertQuietStop(stopped);
        assertNoJvmLine(stopped.all());
        System.out.println("bin/trestle: first stop after the record was written " + stopped.millis() + " ms");
        assertCacheUsable(awaitOneCache(), List.of());
    }

    @Test
    void ctrlCStopsTheFirstRunWithTheAppsStatusAndTrains() throws Exception {
        assumeJdk25();
        Run first = Run.start(home, Map.of());
        Stopped stopped = first.stop("-INT");
        assertEquals(130, stopped.status(), "as the JVM reports SIGINT: " + stopped.lines());
        assertQuietStop(stopped);
        awaitOneCache();
    }

    @Test
    void aSubCommandHelpOrUsageErrorTrainsNothing() throws Exception {
        assumeJdk25();
        Finished routes = Run.finish(home, Map.of(), "routes", "--plugins", "target/no-plugins");
        assertEquals(0, routes.status(), routes.lines().toString());
        assertTrue(routes.lines().stream().anyMatch(l -> l.startsWith("GET ")), "the route table: " + routes.lines());
        assertNoJvmLine(routes.lines());

        Finished help = Run.finish(home, Map.of(), "--port", "0", "-h");
        assertEquals(0, help.status());
        assertNoJvmLine(help.lines());

        Finished usage = Run.finish(home, Map.of(), "--port", "abc", "--plugins", "target/no-plugins");
        assertEquals(2, usage.status(), usage.lines().toString());
        assertNoJvmLine(usage.lines());
        assertFalse(usage.lines().stream().anyMatch(l -> l.startsWith("bin/trestle:")), usage.lines().toString());

        Finished badSetting = Run.finish(home, Map.of("TRESTLE_AOT_RECORD_SECONDS", "soon"), "--port", "0");
        assertEquals(2, badSetting.status());
        assertEquals(List.of("bin/trestle: TRESTLE_AOT_RECORD_SECONDS must be a whole number of seconds, got 'soon'"),
                badSetting.lines());

        assertEquals(List.of(), aotFiles(), "no cache, no record left");
    }

    @Test
    void routesWhileTheFirstRunServesLeavesTheServersCache() throws Exception {
        assumeJdk25();
        Run server = Run.start(home, Map.of());
        Finished routes = Run.finish(home, Map.of(), "routes", "--plugins", "target/no-plugins");
        assertEquals(0, routes.status(), routes.lines().toString());
        assertNoJvmLine(routes.lines());
        Stopped stopped = server.stop();
        assertEquals(143, stopped.status());
        assertQuietStop(stopped);
        assertCacheUsable(awaitOneCache(), List.of());
    }

    @Test
    void twoFirstRunsAtOnceStopCleanlyAndLeaveOneUsableCache() throws Exception {
        assumeJdk25();
        Run one = Run.start(home, Map.of());
        Run two = Run.start(home, Map.of());
        CompletableFuture<Stopped> oneStopped = CompletableFuture.supplyAsync(() -> one.stopUnchecked("-TERM"));
        Stopped twoStopped = two.stop();
        for (Stopped s : List.of(oneStopped.get(90, TimeUnit.SECONDS), twoStopped)) {
            assertEquals(143, s.status(), s.lines().toString());
            assertQuietStop(s);
        }
        assertCacheUsable(awaitOneCache(), List.of());
    }

    @Test
    void otherJvmOptionsTrainACacheOfTheirOwnWithoutAnError() throws Exception {
        assumeJdk25();
        Run.start(home, Map.of()).stop();
        Path plain = awaitOneCache();

        Map<String, String> zgc = Map.of("TRESTLE_JAVA_OPTS", "-XX:+UseZGC");
        Stopped first = Run.start(home, zgc).stop();
        assertEquals(143, first.status());
        assertNoJvmLine(first.all());
        assertQuietStop(first);
        Path zgcCache = awaitCaches(2).stream().filter(p -> !p.equals(plain)).findFirst().orElseThrow();

        Stopped second = Run.start(home, zgc).stop();
        assertNoJvmLine(second.all());
        assertFalse(second.all().stream().anyMatch(l -> l.startsWith("bin/trestle:")), second.all().toString());
        assertCacheUsable(zgcCache, List.of("-XX:+UseZGC"));
        assertCacheUsable(plain, List.of());
    }

    @Test
    void aCacheOfAnotherJarIsNotUsedAndIsReplaced() throws Exception {
        assumeJdk25();
        Run.start(home, Map.of()).stop();
        Path old = awaitOneCache();
        Path jar = home.resolve("examples/target/trestle-example.jar");
        try (FileSystem zip = FileSystems.newFileSystem(jar)) { // another build: other bytes, same path
            Files.writeString(zip.getPath("rebuilt.txt"), "another build");
        }
        Stopped rebuilt = Run.start(home, Map.of()).stop();
        assertEquals(143, rebuilt.status());
        assertNoJvmLine(rebuilt.all());
        assertTrue(rebuilt.lines().stream().anyMatch(l -> l.startsWith("bin/trestle: building")), rebuilt.lines().toString());
        Path fresh = awaitOneCache();
        assertFalse(fresh.equals(old), "the old jar's cache is gone, a new one made");
    }

    @Test
    void noAotTurnsItOff() throws Exception {
        assumeJdk25();
        Stopped stopped = Run.start(home, Map.of("TRESTLE_NO_AOT", "1")).stop();
        assertEquals(143, stopped.status());
        assertNoJvmLine(stopped.all());
        assertFalse(stopped.all().stream().anyMatch(l -> l.startsWith("bin/trestle:")));
        assertEquals(List.of(), aotFiles());
    }

    /** The script decides what starts the server as the app's parser does: same on/off switches. */
    @Test
    void theScriptKnowsTheAppsSwitches() throws IOException {
        Matcher m = Pattern.compile("(?m)^trestle_switches=\" ([^\"]*) \"$").matcher(Files.readString(REPO.resolve("bin/trestle")));
        assertTrue(m.find(), "bin/trestle lists the switches");
        TreeSet<String> script = new TreeSet<>(Arrays.asList(m.group(1).split(" ")));
        TreeSet<String> app = new TreeSet<>();
        List<Setting> known = new ArrayList<>(CoreSettings.ALL);
        ServiceLoader.load(Command.class).forEach(c -> known.addAll(c.settings()));
        for (Setting s : known) {
            if (s.kind() == Setting.Kind.BOOLEAN) {
                app.add(s.name());
            }
        }
        assertEquals(app, script);
    }

    private static void assumeJdk25() {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25; this is " + Runtime.version());
    }

    /** After the signal: the app's own lines, at most one of ours, none of the JVM's. */
    private static void assertQuietStop(Stopped stopped) {
        assertNoJvmLine(stopped.lines());
        long ours = stopped.lines().stream().filter(l -> l.startsWith("bin/trestle:")).count();
        assertTrue(ours <= 1, "at most one line of ours: " + stopped.lines());
        for (String line : stopped.lines()) {
            assertTrue(line.startsWith("bin/trestle:") || APP_LINE.matcher(line).matches(),
                    "a line neither the app's nor ours: '" + line + "' in " + stopped.lines());
        }
    }

    private static void assertNoJvmLine(List<String> lines) {
        for (String line : lines) {
            for (String sign : JVM_SIGNS) {
                assertFalse(line.contains(sign), "the JVM spoke: '" + line + "' in " + lines);
            }
        }
    }

    /** The JVM maps the cache in strict mode (it would fail otherwise) and loads app classes from it. */
    private void assertCacheUsable(Path cache, List<String> options) throws Exception {
        List<String> command = new ArrayList<>(List.of(ExampleJarIT.JAVA, "-XX:AOTMode=on", "-XX:AOTCache=" + cache,
                "-Xlog:class+load=info"));
        command.addAll(options);
        command.addAll(List.of("-jar", home.resolve("examples/target/trestle-example.jar").toString(), "--help"));
        Process p = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.lines().anyMatch(l -> l.contains("io.trestle.") && l.contains("source: shared objects file")),
                "the app's classes come from the cache");
    }

    private static boolean written(Path file) {
        try {
            return file.getFileName().toString().endsWith(".aotconf") && Files.size(file) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    private List<Path> aotFiles() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("examples/target"))) {
            return files.filter(f -> f.getFileName().toString().contains(".aot")).sorted().toList();
        }
    }

    private Path awaitOneCache() throws Exception {
        return awaitCaches(1).get(0);
    }

    /** Waits for the background step: {@code count} caches and nothing half done beside them. */
    private List<Path> awaitCaches(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        List<Path> files = aotFiles();
        while (System.nanoTime() < deadline) {
            files = aotFiles();
            if (files.size() == count && files.stream().allMatch(f -> f.getFileName().toString().endsWith(".aot"))) {
                return files;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " AOT cache(s) and no record left, found " + files);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    record Stopped(int status, long millis, List<String> all, List<String> lines) {
    }

    record Finished(int status, List<String> lines) {
    }

    /**
     * One {@code bin/trestle}. Its output goes to a file, read as it grows: a pipe's last lines
     * can be lost when the process ends while a thread reads it.
     */
    static final class Run {
        private static int count;
        private final Process process;
        private final Path output;

        private Run(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        List<String> lines() {
            try {
                return Files.readAllLines(output, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static synchronized Path nextOutput(Path home) {
            return home.resolve("run-" + (++count) + ".log");
        }

        private static Run launch(Path home, Map<String, String> env, List<String> args) throws IOException {
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/trestle").toString()));
            command.addAll(args);
            Path output = nextOutput(home);
            ProcessBuilder launch = new ProcessBuilder(command).directory(REPO.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            launch.environment().put("JAVA_HOME", System.getProperty("java.home")); // the JDK this test checked
            launch.environment().remove("TRESTLE_NO_AOT");
            launch.environment().remove("TRESTLE_JAVA_OPTS");
            launch.environment().putAll(env);
            return new Run(launch.start(), output);
        }

        /** Starts the server and waits until it answers {@code GET /}. */
        static Run start(Path home, Map<String, String> env) throws Exception {
            Run run = launch(home, env, List.of("--port", "0", "--plugins", "target/no-plugins"));
            try (HttpClient client = HttpClient.newHttpClient()) {
                URI uri = run.awaitListening();
                HttpResponse<String> page = client.send(HttpRequest.newBuilder(uri.resolve("/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, page.statusCode());
                run.awaitLine("trestle-example started in"); // its shutdown hook is in place
            } catch (Exception | AssertionError e) {
                run.process.destroyForcibly();
                throw e;
            }
            return run;
        }

        private URI awaitListening() throws InterruptedException {
            String line = awaitLine("listening on ");
            return AppLog.listeningAddress(line);
        }

        private String awaitLine(String part) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                for (String line : lines()) {
                    if (line.contains(part)) {
                        return line;
                    }
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("ended without '" + part + "': " + lines());
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("no '" + part + "' in 90 s: " + lines());
        }

        /** Runs a command that ends by itself; returns its status and output. */
        static Finished finish(Path home, Map<String, String> env, String... args) throws Exception {
            Run run = launch(home, env, List.of(args));
            assertTrue(run.process.waitFor(90, TimeUnit.SECONDS), "bin/trestle did not end");
            return new Finished(run.process.exitValue(), run.lines());
        }

        Stopped stop() throws Exception {
            return stop("-TERM");
        }

        Stopped stopUnchecked(String signal) {
            try {
                return stop(signal);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends {@code signal} to the script alone (as a service manager does) and waits for it to end. */
        Stopped stop(String signal) throws Exception {
            int before = lines().size();
            long start = System.nanoTime();
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            try {
                assertTrue(process.waitFor(90, TimeUnit.SECONDS), "bin/trestle did not stop");
            } finally {
                process.destroyForcibly();
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            List<String> all = lines();
            all.forEach(l -> System.out.println("trestle> " + l));
            return new Stopped(process.exitValue(), millis, all, all.subList(before, all.size()));
        }
    }
}
