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
import io.trestle.reload.HotDeployer;
import io.trestle.reload.PluginFolderWatcher;
import io.trestle.routing.RouteTable;
import io.trestle.server.TlsContexts;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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

    public Launcher(App app, PrintStream out, PrintStream err, Map<String, String> env) {
        this.app = app;
        this.out = out;
        this.err = err;
        this.env = env;
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
        RawSettings raw = RawSettings.parse(args, env, coreSettings());
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
            List<Setting> known = new ArrayList<>(coreSettings());
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
            List<Setting> settings = merged(coreSettings(), command.settings());
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

    /** Discovers, checks the settings and serves; with {@code hook}, SIGTERM closes gracefully. */
    private Server serve(RawSettings raw, boolean hook) throws DiscoveryException {
        long start = System.nanoTime();
        Deployment deployment = discover(raw);
        Server server = null;
        AccessLogWriter accessLog = null;
        try {
            Config config = raw.resolve(merged(coreSettings(), deployment.settings()));
            RouteTable table = deployment.start(config);
            long discovered = System.nanoTime();
            SSLContext tls = tls(config);
            Duration shutdownGrace = CoreSettings.limits(config).shutdownGrace();   // checks the limits, too
            accessLog = accessLog(config);
            AtomicReference<Server> redirector = new AtomicReference<>();
            AtomicReference<PluginFolderWatcher> watcher = new AtomicReference<>();
            Server.Builder builder = Server.builder()
                    .host(config.string(CoreSettings.HOST.name(), "127.0.0.1"))
                    .port(config.integer(CoreSettings.PORT.name(), 8080))
                    .config(config)                 // also the limits and timeouts
                    .trustedProxies(config.list(CoreSettings.TRUSTED_PROXIES.name()))
                    .routeTable(table)
                    .tls(tls)
                    .securityHeaders(config.bool(CoreSettings.SECURITY_HEADERS.name(), true))
                    .onClose(() -> {
                        Server plain = redirector.get();
                        if (plain != null) {
                            plain.close();
                        }
                    })
                    .onClose(() -> {
                        PluginFolderWatcher w = watcher.get();
                        if (w != null) {
                            w.close();     // before the deployment: no reload may run while it closes
                        }
                    })
                    .onClose(deployment::close);
            server = (accessLog != null ? builder.accessLog(accessLog) : builder.accessLog(false)).build().start();
            if (config.bool(CoreSettings.RELOAD.name(), true)) {
                watcher.set(watch(deployment, server, raw, shutdownGrace));
            }
            String redirectPort = config.get(CoreSettings.REDIRECT_HTTP.name()).orElse(null);
            Integer redirect = redirectPort == null ? null : Integer.valueOf(redirectPort);
            if (redirect != null) {
                Server plain = HttpsRedirect.start(config.string(CoreSettings.HOST.name(), "127.0.0.1"), redirect,
                        server.port(), config, accessLog(config));
                redirector.set(plain);
                LOG.info("redirecting plain HTTP on {} to HTTPS", plain.uri());
            }
            LOG.info("routes:\n{}", RouteListing.format(table));
            LOG.info("{} started in {} ms (discovery {} ms); serving {}", app.name(), millis(System.nanoTime() - start),
                    millis(discovered - start), server.uri());
        } catch (RuntimeException | DiscoveryException e) {
            if (server == null && accessLog != null) {
                accessLog.close(); // a server that started closes its own
            }
            deployment.close();
            throw e;
        }
        if (hook) {
            Server running = server;
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("trestle-shutdown").unstarted(() -> {
                LOG.info("shutting down");
                running.close();
                app.onShutdown().run();
            }));
        }
        return server;
    }

    /**
     * Hot reload: a jar added, replaced or removed in the plugins folder changes the routes while
     * the server runs. A new jar's settings are resolved like the start-up ones (flags, file,
     * environment, defaults); flags of jars since removed are passed over, as they were checked
     * at start-up.
     */
    private PluginFolderWatcher watch(Deployment deployment, Server server, RawSettings raw, Duration shutdownGrace) {
        HotDeployer deployer = new HotDeployer(deployment, server,
                declared -> raw.resolveKnown(merged(coreSettings(), declared)), shutdownGrace);
        try {
            return PluginFolderWatcher.start(deployer, PluginFolderWatcher.DEFAULT_SETTLE);
        } catch (IOException e) {
            LOG.warn("hot reload is off: cannot watch {}: {}", deployer.pluginsDir(), e.getMessage());
            return null;
        }
    }

    /** The access log {@code --access-log} and {@code --access-log-to} ask for, or null when it is off. */
    private static AccessLogWriter accessLog(Config config) {
        if (!config.bool(CoreSettings.ACCESS_LOG.name(), true)) {
            return null;
        }
        String to = config.string(CoreSettings.ACCESS_LOG_TO.name(), "stdout");
        switch (to) {
            case "stdout":
                return AccessLogWriter.toStandardOutput();
            case "logger":
                return AccessLogWriter.toLogger();
            default:
                try {
                    return AccessLogWriter.toFile(Path.of(to));
                } catch (NoSuchFileException e) {
                    throw new UsageException("--access-log-to " + to + ": its folder does not exist");
                } catch (AccessDeniedException e) {
                    throw new UsageException("--access-log-to " + to + ": permission denied");
                } catch (IOException | InvalidPathException e) {
                    throw new UsageException("--access-log-to " + to + ": cannot append to it (" + e.getMessage() + ")");
                }
        }
    }

    /** The TLS context of {@code --tls-keystore} and {@code --tls-password-file}, or null. */
    private static SSLContext tls(Config config) {
        var keystore = config.get(CoreSettings.TLS_KEYSTORE.name());
        var password = config.get(CoreSettings.TLS_PASSWORD_FILE.name());
        if (keystore.isEmpty() && password.isEmpty()) {
            if (config.get(CoreSettings.REDIRECT_HTTP.name()).isPresent()) {
                throw new UsageException("--redirect-http needs HTTPS: give --tls-keystore and --tls-password-file");
            }
            return null;
        }
        if (keystore.isEmpty() || password.isEmpty()) {
            throw new UsageException("HTTPS needs both --tls-keystore FILE and --tls-password-file FILE");
        }
        CoreSettings.tlsPolicy(config); // a version left without a suite is a usage error, before the keystore is read
        try {
            return TlsContexts.fromPkcs12(Path.of(keystore.get()), Path.of(password.get()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int help(RawSettings raw) throws DiscoveryException {
        try (Deployment deployment = discover(raw)) {
            out.print(Usage.format(app.name(), sections(deployment)));
            return 0;
        }
    }

    private int routes(RawSettings raw) throws DiscoveryException {
        Deployment deployment = discover(raw);
        try {
            if (raw.helpRequested()) {
                out.println(RoutesCommand.NAME + ": " + RoutesCommand.DESCRIPTION);
                out.print(Usage.format(app.name() + " " + RoutesCommand.NAME, sections(deployment)));
                return 0;
            }
            Config config = raw.resolve(merged(coreSettings(), deployment.settings()));
            out.print(RouteListing.format(deployment.start(config)));
            return 0;
        } finally {
            deployment.close();
        }
    }

    private Deployment discover(RawSettings raw) throws DiscoveryException {
        Config core = raw.resolveKnown(coreSettings());
        return Deployment.discover(DiscoveryOptions.from(core).withClassLoader(Launcher.class.getClassLoader()));
    }

    /** The core settings, with this application's defaults in place of theirs. */
    List<Setting> coreSettings() {
        List<Setting> list = new ArrayList<>();
        for (Setting s : CoreSettings.ALL) {
            String def = app.defaults().get(s.name());
            list.add(def == null ? s : new Setting(s.name(), s.kind(), def, s.description()));
        }
        return list;
    }

    private Map<String, List<Setting>> sections(Deployment deployment) {
        Map<String, List<Setting>> sections = new LinkedHashMap<>();
        sections.put("server", coreSettings());
        Set<String> seen = new LinkedHashSet<>();
        coreSettings().forEach(s -> seen.add(s.name()));
        deployment.sources().forEach(source -> {
            List<Setting> own = new ArrayList<>();
            for (Setting s : source.settings()) {
                if (seen.add(s.name())) {
                    own.add(s);
                }
            }
            if (!own.isEmpty()) {
                sections.put(source.name(), own);
            }
        });
        return sections;
    }

    /** {@code first} then the settings of {@code more} whose names are new (a plugin may re-declare a core one). */
    private static List<Setting> merged(List<Setting> first, List<Setting> more) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : first) {
            byName.putIfAbsent(s.name(), s);
        }
        for (Setting s : more) {
            byName.putIfAbsent(s.name(), s);
        }
        return List.copyOf(byName.values());
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
