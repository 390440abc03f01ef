package io.trestle;

import io.trestle.app.Launcher;
import io.trestle.config.CoreSettings;
import io.trestle.config.UsageException;
import io.trestle.discovery.DiscoveryException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code main} of a Trestle application: reads the settings (flags, {@code TRESTLE_*}
 * environment variables, a properties file), discovers the {@code @Route} classes of the packages
 * it scans, the plugins and commands on its class path and the plugin jars in {@code plugins/},
 * checks every flag, then serves until SIGTERM, or runs a sub-command: {@code routes}, the
 * commands found through {@code META-INF/services/io.trestle.Command} and those given in code.
 * {@code --help} lists every setting.
 *
 * <pre>{@code
 * public static void main(String[] args) {
 *     Trestle.app("my-app")
 *             .scan("com.acme.web")
 *             .defaultValue("port", "9000")
 *             .run(args);
 * }
 * }</pre>
 *
 * <p>A usage mistake prints its message and a hint on standard error and exits with status 2;
 * any other start-up failure prints its message and exits with status 1; {@code --help} and a
 * command that succeeds exit with 0. For tests and embedding, {@link App#start} returns the
 * running {@link Server} and throws a {@link StartupException} instead of exiting.
 */
public final class Trestle {
    private Trestle() {
    }

    /** An application called {@code name} in messages and in the usage text. */
    public static App app(String name) {
        return new App(name);
    }

    /**
     * Runs an application called {@code trestle} that scans no packages: what
     * {@code app("trestle").run(args)} does.
     */
    public static void run(String... args) {
        app("trestle").run(args);
    }

    /**
     * What an application says about itself. Not thread-safe: describe it, then run or start it
     * (as often as needed: each call reads the description as it is then).
     */
    public static final class App {
        /** What {@link #launch} returns when a server was started and keeps the process running. */
        public static final int SERVING = Launcher.RUNNING;

        private final String name;
        private final Map<String, String> defaults = new LinkedHashMap<>();
        private final List<Command> commands = new ArrayList<>();
        private final List<Runnable> onShutdown = new ArrayList<>();
        private PrintStream out;
        private PrintStream err;
        private Map<String, String> environment;

        private App(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an application needs a name");
            }
            this.name = name;
        }

        /** The packages whose {@code @Route} classes the app serves: the default of {@code --scan}. */
        public App scan(String... packages) {
            return defaultValue(CoreSettings.SCAN.name(), String.join(",", packages));
        }

        /**
         * Replaces the default value of a server setting (one that {@code --help} lists under
         * "server"), e.g. {@code defaultValue("content-security-policy", "default-src 'self'")};
         * a flag, the environment or the properties file still override it, and {@code --help}
         * shows it.
         *
         * @throws IllegalArgumentException when no server setting has that name
         */
        public App defaultValue(String setting, String value) {
            Objects.requireNonNull(value, "value");
            if (CoreSettings.ALL.stream().noneMatch(s -> s.name().equals(setting))) {
                throw new IllegalArgumentException("no server setting named '" + setting + "'");
            }
            defaults.put(setting, value);
            return this;
        }

        /**
         * Adds a sub-command: {@code app COMMAND args...} runs it instead of the server. It wins
         * over a command of the same name found on the class path.
         *
         * @throws IllegalArgumentException when a command of that name was added, or it is {@code routes}
         */
        public App command(Command command) {
            if (command.name().equals("routes") || commands.stream().anyMatch(c -> c.name().equals(command.name()))) {
                throw new IllegalArgumentException("a command named '" + command.name() + "' exists already");
            }
            commands.add(command);
            return this;
        }

        /**
         * Runs at SIGTERM after the server has closed and its last request is logged, in the order
         * added: e.g. stopping the logging back end, so that an asynchronous appender writes the
         * lines it still holds.
         */
        public App onShutdown(Runnable action) {
            onShutdown.add(Objects.requireNonNull(action, "action"));
            return this;
        }

        /** Where {@link #launch} writes results and messages; {@code System.out}/{@code System.err} by default. */
        public App console(PrintStream out, PrintStream err) {
            this.out = Objects.requireNonNull(out, "out");
            this.err = Objects.requireNonNull(err, "err");
            return this;
        }

        /** The environment variables settings are read from; {@code System.getenv()} by default. */
        public App environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Runs the application with the command-line arguments, as its {@code main}: exits the
         * JVM with the status of a sub-command, {@code --help} or a failed start (0, 1, or 2 for
         * a usage mistake); when it serves, returns and the server runs until SIGTERM, which
         * closes it gracefully.
         */
        public void run(String... args) {
            Launcher.atLeastTwoCarrierThreads();
            int status = launch(args);
            if (status != SERVING) {
                System.exit(status);
            }
        }

        /**
         * Does what {@link #run} does without exiting: returns the exit status (0, 1, or 2 for a
         * usage mistake, with its message on the error stream), or {@link #SERVING} when a server
         * was started; SIGTERM closes it.
         */
        public int launch(String... args) {
            return launcher().run(args);
        }

        /**
         * Starts the server described by {@code args} and returns it, for tests and embedding:
         * no sub-commands, no shutdown hook, no exit. Closing the server closes what discovery
         * loaded.
         *
         * @throws StartupException for a usage mistake ({@link StartupException#isUsageError()})
         *                          or when the app cannot start
         */
        public Server start(String... args) {
            try {
                return launcher().start(args);
            } catch (UsageException e) {
                throw new StartupException(e.getMessage(), StartupException.USAGE, e);
            } catch (DiscoveryException | UncheckedIOException e) {
                throw new StartupException(e.getMessage(), StartupException.FAILURE, e);
            }
        }

        private Launcher launcher() {
            List<Runnable> actions = List.copyOf(onShutdown);
            Launcher.App app = new Launcher.App(name, defaults, () -> actions.forEach(Runnable::run), commands);
            return new Launcher(app, out != null ? out : System.out, err != null ? err : System.err,
                    environment != null ? environment : System.getenv());
        }
    }
}
