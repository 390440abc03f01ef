package io.trestle.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit Jupiter extension that keeps the server's output off the console unless a test fails:
 * from before each test (its {@code @BeforeEach} methods included) to after it, what is written to
 * {@code System.out} and {@code System.err}, and with logback as the test's SLF4J backend what is
 * logged, is held; a failed test prints it after its failure, a passing one prints nothing.
 *
 * <pre>{@code
 * @ExtendWith(TrestleTestOutput.class)
 * class GreetingTest {
 *     @Test
 *     void greets() {
 *         try (TrestleTest t = TrestleTest.start(r -> r.get("/hi", (req, res) -> res.text("hi")))) {
 *             assertEquals("hi", t.get("/hi").body());
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>For every test of a project without the annotation, turn on JUnit's extension auto-detection
 * (this jar registers the extension): {@code junit.jupiter.extensions.autodetection.enabled=true}
 * in {@code src/test/resources/junit-platform.properties}.
 *
 * <p>The standard streams are the JVM's: with tests running in parallel, a failing test's report
 * can hold what its neighbours wrote at the same time (see {@link TrestleTest#test}).
 */
public final class TrestleTestOutput implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrestleTestOutput.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        // The store closes what it holds when the test's context ends, should afterEach not run.
        context.getStore(NAMESPACE).put(OutputCapture.class, OutputCapture.start());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        OutputCapture capture = context.getStore(NAMESPACE).remove(OutputCapture.class, OutputCapture.class);
        if (capture == null) {
            return;
        }
        capture.close();
        if (context.getExecutionException().isPresent()) {
            capture.printTo(context.getRequiredTestClass().getSimpleName() + " > " + context.getDisplayName());
        }
    }
}
