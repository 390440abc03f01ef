package io.trestle.example;

import ch.qos.logback.classic.LoggerContext;
import io.trestle.Server;
import io.trestle.Trestle;
import org.slf4j.LoggerFactory;

/**
 * The example app: the web root in {@code resources/} and the JSON login API. It names neither:
 * the static-files and login modules are on its class path and discovery finds them, the same way
 * it finds jars dropped into {@code plugins/} and the {@code @Route} classes of this package.
 *
 * <pre>{@code
 * java -jar examples/target/trestle-example.jar --port 8080 --root resources
 * java -jar examples/target/trestle-example.jar routes
 * java -jar examples/target/trestle-example.jar passwd eiger
 * }</pre>
 */
public final class ExampleApp {
    /**
     * The policy the app's pages run under: scripts, styles and images from its own origin only
     * (no inline code), never framed, forms posted only to itself. {@code --content-security-policy}
     * replaces it.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private ExampleApp() {
    }

    /** The app's own routes live in this package, found by the class-path scan. */
    public static Trestle.App app() {
        return Trestle.app("trestle-example")
                .scan("io.trestle.example")
                .defaultValue("content-security-policy", CONTENT_SECURITY_POLICY)
                .onShutdown(ExampleApp::stopLogging);
    }

    public static void main(String[] args) {
        app().run(args);
    }

    /** Writes what the asynchronous access log still holds: its worker is a daemon thread. */
    private static void stopLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }

    /** Starts the app in this JVM and returns the running server (for tests). */
    public static Server start(String... args) {
        return app().start(args);
    }
}
