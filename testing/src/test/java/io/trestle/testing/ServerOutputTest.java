package io.trestle.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import io.trestle.Routes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the kit prints of the server's output, seen from the console: test methods of the nested
 * classes run through the JUnit Platform test kit while this test holds the real System.out and
 * System.err. The server's handler prints a line to each stream and logs a warning (logback is
 * this module's test backend, with a console appender at WARN).
 */
class ServerOutputTest {
    static final Logger LOG = LoggerFactory.getLogger("test.handler");
    static final String STDOUT = "handler wrote to stdout";
    static final String STDERR = "handler wrote to stderr";
    static final String LOGGED = "handler logged a warning";

    static final Consumer<Routes> ROUTES = r -> r.get("/noisy", (req, res) -> {
        System.out.println(STDOUT);
        System.err.println(STDERR);
        LOG.warn(LOGGED);
        res.text("ok");
    });

    /** What a test run printed to System.out and System.err, and whether it failed. */
    record Run(String out, String err, long failed) {
        String both() {
            return out + err;
        }
    }

    @Test
    void aFailingBodyPrintsWhatTheServerWroteAndLoggedOnceThenRethrows() {
        Run run = run(WithLambda.class, "fails");
        assertEquals(1, run.failed);
        assertEquals(1, count(run.out, STDOUT), run.out);
        assertEquals(1, count(run.out, STDERR), "the report goes to System.out, in the order written: " + run.out);
        assertEquals(1, count(run.both(), LOGGED), "the event, not also the console appender's copy of it: " + run.both());
        assertTrue(run.out.contains("WARN  [") && run.out.contains("test.handler - " + LOGGED), run.out);
        assertTrue(run.out.contains("---- Trestle: the server's output while WithLambda.fails ran ----"), run.out);
        assertTrue(run.out.indexOf(STDOUT) < run.out.indexOf(LOGGED), "in the order written: " + run.out);
    }

    @Test
    void aPassingBodyPrintsNothingOfIt() {
        Run run = run(WithLambda.class, "passes");
        assertEquals(0, run.failed);
        assertFalse(run.both().contains("handler "), run.both());
        assertFalse(run.both().contains("Trestle:"), run.both());
    }

    @Test
    void theExtensionPrintsAFailedTestsOutput() {
        Run run = run(WithExtension.class, "fails");
        assertEquals(1, run.failed);
        assertEquals(1, count(run.out, STDOUT), run.out);
        assertEquals(1, count(run.out, STDERR), run.out);
        assertEquals(1, count(run.both(), LOGGED), run.both());
        assertTrue(run.out.contains("---- Trestle: the server's output while WithExtension > fails() ran ----"), run.out);
    }

    @Test
    void theExtensionPrintsNothingForAPassingTest() {
        Run run = run(WithExtension.class, "passes");
        assertEquals(0, run.failed);
        assertFalse(run.both().contains("handler "), run.both());
    }

    @Test
    void overlappingCapturesEachHoldTheOutputAndTheLastPutsTheStreamsBack() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream realOut = new PrintStream(console, true, StandardCharsets.UTF_8);
        PrintStream realErr = new PrintStream(console, true, StandardCharsets.UTF_8);
        String first;
        String second;
        PrintStream kept;
        System.setOut(realOut);
        System.setErr(realErr);
        try {
            try (OutputCapture a = OutputCapture.start()) {
                try (OutputCapture b = OutputCapture.start()) {
                    System.out.println("both");
                    second = b.text();
                }
                assertNotSame(realOut, System.out, "still held by the first");
                kept = System.err;
                System.err.println("only the first");
                first = a.text();
            }
            assertSame(realOut, System.out);
            assertSame(realErr, System.err);
            kept.println("after"); // a stream kept from a capture writes to the console again
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String nl = System.lineSeparator();
        assertEquals("both" + nl, second);
        assertEquals("both" + nl + "only the first" + nl, first);
        assertEquals("after" + nl, console.toString(StandardCharsets.UTF_8));
    }

    private static Run run(Class<?> type, String method) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        EngineExecutionResults results;
        System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        try {
            results = EngineTestKit.engine("junit-jupiter").selectors(selectMethod(type, method)).execute();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String printedOut = outBytes.toString(StandardCharsets.UTF_8);
        String printedErr = errBytes.toString(StandardCharsets.UTF_8);
        // Echoed, so this test's own report shows what the inner run printed.
        out.print(printedOut);
        err.print(printedErr);
        return new Run(printedOut, printedErr, results.testEvents().failed().count());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            n++;
        }
        return n;
    }

    // --- test classes run by the tests above (static nested: Surefire does not run them itself) ----

    static class WithLambda {
        @Test
        void fails() throws Exception {
            TrestleTest.test(ROUTES, t -> {
                assertEquals("ok", t.get("/noisy").body());
                fail("on purpose");
            });
        }

        @Test
        void passes() throws Exception {
            TrestleTest.test(ROUTES, t -> assertEquals("ok", t.get("/noisy").body()));
        }
    }

    @ExtendWith(TrestleTestOutput.class)
    static class WithExtension {
        @Test
        void fails() {
            try (TrestleTest t = TrestleTest.start(ROUTES)) {
                assertEquals("ok", t.get("/noisy").body());
                fail("on purpose");
            }
        }

        @Test
        void passes() {
            try (TrestleTest t = TrestleTest.start(ROUTES)) {
                assertEquals("ok", t.get("/noisy").body());
            }
        }
    }
}
