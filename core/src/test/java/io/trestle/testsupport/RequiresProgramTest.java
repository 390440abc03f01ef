package io.trestle.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * What {@link RequiresProgram} makes of a test, run through the JUnit Platform test kit with
 * made-up programs in a folder of this test's: present, it runs; missing, it is skipped with a
 * message and none of its set-up or tear-down runs; missing under CI=true, it fails.
 */
class RequiresProgramTest {
    static final String PRESENT = "trestle-fake-present";
    static final String ABSENT = "trestle-fake-absent";
    static final String HINT = "apt-get install -y trestle-fake";
    static final Queue<String> CALLS = new ConcurrentLinkedQueue<>();

    @TempDir
    Path dir;
    Path bin;

    @BeforeEach
    void fakePrograms() throws IOException {
        CALLS.clear();
        bin = Files.createDirectory(dir.resolve("bin"));
        executable(bin.resolve(PRESENT));
        Files.createFile(bin.resolve(ABSENT)); // there, but not executable: does not count
    }

    // --- the annotation on a class -------------------------------------------------------------

    @Test
    void aClassWhoseProgramIsThereRuns() {
        EngineExecutionResults results = run(NeedsPresent.class, "");
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).skipped(0).failed(0));
        assertEquals(List.of("beforeAll", "beforeEach", "test", "afterEach", "afterAll"), List.copyOf(CALLS));
    }

    @Test
    void aClassWhoseProgramIsMissingIsSkippedWithAMessageAndRunsNoneOfItsCode() {
        EngineExecutionResults results = run(NeedsAbsent.class, "");
        results.testEvents().assertStatistics(s -> s.started(0).skipped(0).failed(0));
        String reason = skipReason(results);
        assertTrue(reason.contains(ABSENT), reason);
        assertTrue(reason.contains(bin.toString()), "says where it looked: " + reason);
        assertTrue(reason.contains(HINT), "says how to install it: " + reason);
        assertEquals(List.of(), List.copyOf(CALLS), "no @BeforeAll, @BeforeEach, @AfterEach or @AfterAll");
    }

    @Test
    void aClassWhoseProgramIsMissingFailsOnCi() {
        EngineExecutionResults results = run(NeedsAbsent.class, "true");
        Throwable failure = containerFailure(results);
        assertInstanceOf(AssertionFailedError.class, failure);
        assertTrue(failure.getMessage().contains(ABSENT) && failure.getMessage().contains(HINT), failure.getMessage());
        assertTrue(failure.getMessage().contains("CI=true"), failure.getMessage());
        assertTrue(!CALLS.contains("beforeAll") && !CALLS.contains("test"), "none of the test's set-up or tests ran: " + CALLS);
    }

    @Test
    void onlyTrueMeansCi() {
        for (String ci : List.of("", "false", "1", "yes")) {
            EngineExecutionResults results = run(NeedsAbsent.class, ci);
            results.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
        }
        run(NeedsAbsent.class, "TRUE").containerEvents().assertStatistics(s -> s.skipped(0).failed(1));
    }

    @Test
    void anAlternativeIsEnough() {
        run(NeedsEither.class, "true").testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
    }

    @Test
    void repeatedAnnotationsAreAllRequiredAndTheMessageNamesOnlyWhatIsMissing() {
        String reason = skipReason(run(NeedsBoth.class, ""));
        assertTrue(reason.contains(ABSENT) && reason.contains(HINT), reason);
        assertTrue(!reason.contains(PRESENT), reason);
    }

    @Test
    void aSubclassInheritsTheRequirement() {
        EngineExecutionResults results = run(InheritsAbsent.class, "");
        results.testEvents().assertStatistics(s -> s.started(0));
        assertTrue(skipReason(results).contains(ABSENT));
    }

    // --- the annotation on a method ------------------------------------------------------------

    @Test
    void aMethodWhoseProgramIsMissingIsSkippedAndTheOthersRun() {
        EngineExecutionResults results = run(MethodLevel.class, "");
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1).skipped(1).failed(0));
        String reason = results.testEvents().skipped().stream().findFirst().flatMap(e -> e.getPayload(String.class)).orElseThrow();
        assertTrue(reason.contains(ABSENT) && reason.contains(bin.toString()), reason);
        assertEquals(List.of("beforeEach", "needsNothing", "afterEach"), List.copyOf(CALLS), "the skipped test's set-up never ran");
    }

    @Test
    void aMethodWhoseProgramIsMissingFailsOnCiBeforeItsSetUp() {
        EngineExecutionResults results = run(MethodLevel.class, "true");
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(1).failed(1));
        Event failed = results.testEvents().failed().stream().findFirst().orElseThrow();
        Throwable failure = failed.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertTrue(failure.getMessage().contains(ABSENT) && failure.getMessage().contains("CI=true"), failure.getMessage());
        assertTrue(!CALLS.contains("needsAbsent"), CALLS.toString());
    }

    // --- Programs ------------------------------------------------------------------------------

    @Test
    void searchesPathThenTheStandardFoldersEachOnce() {
        assertEquals(List.of(Path.of("/opt/x/bin"), Path.of("/usr/bin"), Path.of("/usr/sbin"), Path.of("/usr/local/bin"),
                Path.of("/usr/local/sbin")), Programs.searchFolders("/opt/x/bin::/usr/bin"));
        assertEquals(Programs.STANDARD_FOLDERS, Programs.searchFolders(null));
    }

    @Test
    void findsTheFirstAlternativeInTheFirstFolderAndOnlyExecutableFiles() throws IOException {
        Path other = Files.createDirectory(dir.resolve("other"));
        Path second = executable(other.resolve(PRESENT));
        assertEquals(Optional.of(bin.resolve(PRESENT)), Programs.find(PRESENT, List.of(bin, other)));
        assertEquals(Optional.of(second), Programs.find(PRESENT, List.of(other, bin)));
        assertEquals(Optional.of(bin.resolve(PRESENT)), Programs.find(ABSENT + "|" + PRESENT, List.of(bin)));
        assertEquals(Optional.empty(), Programs.find(ABSENT, List.of(bin, other)));
        assertEquals(Optional.of(second), Programs.find(second.toString(), List.of()));
        assertEquals(Optional.empty(), Programs.find(bin.resolve(ABSENT).toString(), List.of(bin)));
        assertEquals(Optional.empty(), Programs.find("bin/" + PRESENT, List.of(dir)), "a relative path is not looked up");
    }

    @Test
    void missingSkipsOrFailsOnCi() {
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> Programs.missing("Needs x.", null));
        assertEquals("Needs x.", skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> Programs.missing("Needs x.", "true"));
        assertEquals("Failing, not skipping, because CI=true (CI installs everything the tests need): Needs x.", failed.getMessage());
    }

    @Test
    void theMessageNamesAlternativesFoldersAndTheHint() {
        assertEquals("Needs chromium or chromium-browser and chromedriver, not found in /a:/b (PATH, then the standard folders)."
                        + " Install: apt-get install -y chromium chromium-driver",
                Programs.missingMessage(List.of("chromium|chromium-browser", "chromedriver"), List.of(Path.of("/a"), Path.of("/b")),
                        "apt-get install -y chromium chromium-driver"));
        assertEquals("Needs /opt/jdk-17/bin/java, not found.", Programs.missingMessage(List.of("/opt/jdk-17/bin/java"), List.of(), ""));
    }

    private EngineExecutionResults run(Class<?> testClass, String ci) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter(RequiresProgramExtension.CI_PARAMETER, ci)
                .configurationParameter(RequiresProgramExtension.FOLDERS_PARAMETER, bin.toString())
                .selectors(selectClass(testClass))
                .execute();
    }

    private static String skipReason(EngineExecutionResults results) {
        List<Event> skipped = results.containerEvents().skipped().list();
        assertEquals(1, skipped.size(), "one skipped class: " + skipped);
        return skipped.get(0).getPayload(String.class).orElseThrow();
    }

    private static Throwable containerFailure(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size(), "one failed class: " + failed);
        return failed.get(0).getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    private static Path executable(Path file) throws IOException {
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    // --- test classes run by the tests above (static nested: neither Surefire nor a class
    // selector for this class runs them by themselves) ---------------------------------------------

    abstract static class Recorded {
        @BeforeAll
        static void beforeAll() {
            CALLS.add("beforeAll");
        }

        @BeforeEach
        void beforeEach() {
            CALLS.add("beforeEach");
        }

        @AfterEach
        void afterEach() {
            CALLS.add("afterEach");
        }

        @AfterAll
        static void afterAll() {
            CALLS.add("afterAll");
        }
    }

    @RequiresProgram(PRESENT)
    static class NeedsPresent extends Recorded {
        @Test
        void test() {
            CALLS.add("test");
        }
    }

    @RequiresProgram(value = ABSENT, install = HINT)
    static class NeedsAbsent extends Recorded {
        @Test
        void test() {
            CALLS.add("test");
        }
    }

    @RequiresProgram(ABSENT + "|" + PRESENT)
    static class NeedsEither {
        @Test
        void test() {
        }
    }

    @RequiresProgram(PRESENT)
    @RequiresProgram(value = ABSENT, install = HINT)
    static class NeedsBoth {
        @Test
        void test() {
        }
    }

    @RequiresProgram(ABSENT)
    abstract static class NeedsAbsentBase {
    }

    static class InheritsAbsent extends NeedsAbsentBase {
        @Test
        void test() {
        }
    }

    static class MethodLevel {
        @BeforeEach
        void beforeEach() {
            CALLS.add("beforeEach");
        }

        @AfterEach
        void afterEach() {
            CALLS.add("afterEach");
        }

        @Test
        @RequiresProgram(ABSENT)
        void needsAbsent() {
            CALLS.add("needsAbsent");
        }

        @Test
        void needsNothing() {
            CALLS.add("needsNothing");
        }
    }
}
