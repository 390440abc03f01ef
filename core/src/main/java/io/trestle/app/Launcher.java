package io.trestle.app;

import io.trestle.AccessLogWriter;
import io.trestle.Command;
import io.trestle.Config;
import io.trestle.Server;
import io.trestle.Setting;
import io.trestle.config.CoreSettings;
import io.trestle.config.RawSettings;
import io.trestle.config.Usage;
import io.trestle.config.UsageException;
import io.trestle.discovery.Deployment;
import io.trestle.discovery.DiscoveryException;
import io.trestle.discovery.DiscoveryOptions;
import io.trestle.reload.PluginFolderWatcher;
import io.trestle.routing.RouteTable;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code main} of a Trestle application: reads settings, discovers handlers and plugins,
 * checks every flag, then serves (or runs a sub-command such as {@code routes} or
 * {@code passwd}). Usage mistakes print a message and exit with status 2.
 *
 * <p>Applications call it through the API, {@link io.trestle.Trestle}:
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Trestle.app("my-app").scan("com.acme.web").run(args);
 * }
 * }</pre>
 */
public final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    /** {@link #run} returns this when a server was started and the process must keep running. */
    public static final int RUNNING = -1;

    /**
     * What an application says about itself.
     *
     * @param name       the name used in messages and the usage text
     * @param defaults   default values that replace the core settings' own (e.g. packages to scan)
     * @param onShutdown runs at SIGTERM after the server has closed and its last request is
     *                   logged: e.g. stopping the logging back end so queued lines are written
     * @param commands   sub-commands given in code, besides those found through
     *                   {@code META-INF/services/io.trestle.Command} (a given one wins a name)
     */
    public record App(String name, Map<String, String> defaults, Runnable onShutdown, List<Command> commands) {
        public App {
            defaults = Map.copyOf(defaults);
            Objects.requireNonNull(onShutdown, "onShutdown");
            commands = List.copyOf(commands);
        }
    }

    private final App app;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;

    private final AppSettings settings;
    private final Consumer<Thread> shutdownHooks;

    public Launcher(App app, PrintStream out, PrintStream err, Map<String, String> env) {
        this(app, out, err, env, Runtime.getRuntime()::addShutdownHook);
    }

    /** With {@code shutdownHooks} in place of {@link Runtime#addShutdownHook}: for tests. */
    Launcher(App app, PrintStream out, PrintStream err, Map<String, String> env, Consumer<Thread> shutdownHooks) {
        this.app = app;
        this.out = out;
        this.err = err;
        this.env = env;
        this.settings = new AppSettings(app.defaults());
        this.shutdownHooks = shutdownHooks;
    }

    /**
     * Gives virtual threads at least two carrier threads, also on one CPU, unless
     * {@code -Djdk.virtualThreadScheduler.parallelism} says otherwise; must run before the first
     * virtual thread starts. The JDK gives one carrier per CPU, and a lone carrier runs the virtual
     * threads it queued itself (connections that yield between requests) before the ones woken
     * from outside (by the I/O poller): under load, some connections then waited 100-400 ms. A
     * second carrier takes those. Pinned to one CPU, plaintext at 64 connections: p99 140-180 ms
     * -> 7-8 ms, and 13-14 CPU-us per request either way.
     */
    public static void atLeastTwoCarrierThreads() {
        String parallelism = "jdk.virtualThreadScheduler.parallelism";
        if (System.getProperty(parallelism) == null && Runtime.getRuntime().availableProcessors() < 2) {
            System.setProperty(parallelism, "2");
        }
    }

    /**
     * Starts the server described by {@code args} and returns it, without exiting on mistakes:
     * for tests and embedding. Closing the server also closes what discovery loaded.
     *
     * @throws UsageException     for unknown flags or bad values
     * @throws DiscoveryException when the class path can't be served
     */
    public Server start(String... args) throws DiscoveryException {
        RawSettings raw = RawSettings.parse(args, env, settings.core());
        return serve(raw, false);
    }

    /**
     * Runs with {@code args}; returns an exit status, or {@link #RUNNING}. Anything but serving
     * ({@code --help}, {@code routes}, a command) prints its result alone on {@code out}: while it
     * runs, {@code System.out} points at {@code err}, so log lines (a console appender writes to
     * whatever {@code System.out} is) and a plugin's prints go to standard error, and
     * {@code routes > routes.txt} holds the table only.
     */
    public int run(String[] args) {
        PrintStream console = System.out;
        try {
            Commands commands = Commands.load(app.commands(), Launcher.class.getClassLoader());
            List<Setting> known = new ArrayList<>(settings.core());
            known.addAll(commands.settings());
            RawSettings raw = RawSettings.parse(args, env, known);
            List<String> positionals = raw.positionals();
            if (positionals.isEmpty() && !raw.helpRequested()) {
                serve(raw, true);
                return RUNNING;
            }
            System.setOut(err);
            if (positionals.isEmpty()) {
                return help(raw);
            }
            String name = positionals.get(0);
            if (name.equals(RoutesCommand.NAME)) {
                return routes(raw);
            }
            Command command = commands.get(name);
            if (command == null) {
                throw new UsageException("unknown command '" + name + "' (commands: " + commands.names() + ")");
            }
            List<Setting> settings = this.settings.with(command.settings());
            if (raw.helpRequested()) {
                out.println(name + ": " + command.description());
                out.print(Usage.format(app.name() + " " + name, settings));
                return 0;
            }
            Config config = raw.resolve(settings);
            return command.run(positionals.subList(1, positionals.size()), config, new ConsoleIo(out, err));
        } catch (UsageException e) {
            err.println(app.name() + ": " + e.getMessage());
            err.println("Run '" + app.name() + " --help' to see every setting.");
            return UsageException.EXIT_STATUS;
        } catch (DiscoveryException e) {
            err.println(app.name() + ": " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println(app.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.error("{} failed", app.name(), e);
            return 1;
        } finally {
            if (System.out == err) {
                System.setOut(console);
            }
        }
    }

    /**
     * Discovers, checks the settings and serves; with {@code hook}, SIGTERM closes gracefully.
     *
     * <p>The server owns the application's other parts, in a {@link Parts}: the deployment, the
     * plugin-folder watcher and the redirect server, started in that order. Closing the server
     * stops accepting, lets running requests finish, closes its access log, then closes the parts
     * in reverse: the redirect server, the watcher (no reload may run while the deployment
     * closes), the deployment. A start that fails closes what had started, in the same order.
     */
    private Server serve(RawSettings raw, boolean hook) throws DiscoveryException {
        long start = System.nanoTime();
        Parts parts = new Parts();
        Server server = null;
        try {
            Deployment deployment = parts.start("deployment", () -> discover(raw), Deployment::close);
            Config config = raw.resolve(settings.with(deployment.settings()));
            RouteTable table = deployment.start(config);
            long discovered = System.nanoTime();
            SSLContext tls = TlsSetup.context(config);
            Duration shutdownGrace = CoreSettings.limits(config).shutdownGrace();   // checks the limits, too
            server = startServer(config, table, tls, parts);
            if (config.bool(CoreSettings.RELOAD.name(), true)) {
                Server running = server;
                parts.start("plugin watcher", () -> PluginWatcher.start(deployment, running,
                        declared -> raw.resolveKnown(settings.with(declared)), shutdownGrace), PluginFolderWatcher::close);
            }
            String redirectPort = config.get(CoreSettings.REDIRECT_HTTP.name()).orElse(null);
            if (redirectPort != null) {
                int tlsPort = server.port();
                Server plain = parts.start("redirect server", () -> HttpsRedirect.start(
                        config.string(CoreSettings.HOST.name(), "127.0.0.1"), Integer.parseInt(redirectPort), tlsPort,
                        config, AccessLogSetup.open(config)), Server::close);
                LOG.info("redirecting plain HTTP on {} to HTTPS", plain.uri());
            }
            LOG.info("routes:\n{}", RouteListing.format(table));
            LOG.info("{} started in {} ms (discovery {} ms); serving {}", app.name(), millis(System.nanoTime() - start),
                    millis(discovered - start), server.uri());
        } catch (RuntimeException | DiscoveryException e) {
            try {
                if (server != null) {
                    server.close(); // and its parts
                } else {
                    parts.close();
                }
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        if (hook) {
            addShutdownHook(server);
        }
        return server;
    }

    /** The main server, with its access log; it closes {@code parts} after itself. */
    private static Server startServer(Config config, RouteTable table, SSLContext tls, Parts parts) {
        AccessLogWriter accessLog = AccessLogSetup.open(config);
        try {
            Server.Builder builder = Server.builder()
                    .host(config.string(CoreSettings.HOST.name(), "127.0.0.1"))
                    .port(config.integer(CoreSettings.PORT.name(), 8080))
                    .config(config)                 // also the limits and timeouts
                    .trustedProxies(config.list(CoreSettings.TRUSTED_PROXIES.name()))
                    .routeTable(table)
                    .tls(tls)
                    .securityHeaders(config.bool(CoreSettings.SECURITY_HEADERS.name(), true))
                    .onClose(parts::close);
            return (accessLog != null ? builder.accessLog(accessLog) : builder.accessLog(false)).build().start();
        } catch (RuntimeException e) {
            if (accessLog != null) {
                accessLog.close(); // a server that started closes its own
            }
            throw e;
        }
    }

    /**
     * At SIGTERM: closes the server (and its parts), then runs the app's {@code onShutdown}. A
     * SIGTERM that came while the server started leaves the JVM already stopping, and it takes no
     * more hooks: then the server closes now, quietly, as the hook would have.
     */
    private void addShutdownHook(Server server) {
        Runnable shutdown = () -> {
            LOG.info("shutting down");
            server.close();
            app.onShutdown().run();
        };
        try {
            shutdownHooks.accept(Thread.ofPlatform().name("trestle-shutdown").unstarted(shutdown));
        } catch (IllegalStateException shutdownInProgress) {
            shutdown.run();
        }
    }

    private int help(RawSettings raw) throws DiscoveryException {
        try (Deployment deployment = discover(raw)) {
            out.print(Usage.format(app.name(), settings.sections(deployment)));
            return 0;
        }
    }

    private int routes(RawSettings raw) throws DiscoveryException {
        Deployment deployment = discover(raw);
        try {
            if (raw.helpRequested()) {
                out.println(RoutesCommand.NAME + ": " + RoutesCommand.DESCRIPTION);
                out.print(Usage.format(app.name() + " " + RoutesCommand.NAME, settings.sections(deployment)));
                return 0;
            }
            Config config = raw.resolve(settings.with(deployment.settings()));
            out.print(RouteListing.format(deployment.start(config)));
            return 0;
        } finally {
            deployment.close();
        }
    }

    private Deployment discover(RawSettings raw) throws DiscoveryException {
        Config core = raw.resolveKnown(settings.core());
        return Deployment.discover(DiscoveryOptions.from(core).withClassLoader(Launcher.class.getClassLoader()));
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
