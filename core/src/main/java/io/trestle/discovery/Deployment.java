package io.trestle.discovery;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.routing.RouteCollector;
import io.trestle.routing.RouteConflictException;
import io.trestle.routing.RouteTable;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the application serves: the class path, then each plugin jar, combined into one
 * route table. Start-up has two phases because plugins declare settings the application must
 * check before anything reads them.
 *
 * <pre>{@code
 * Deployment deployment = Deployment.discover(DiscoveryOptions.from(rawConfig)); // phase 1: plugins loaded
 * Config config = validate(rawConfig, coreSettings, deployment.settings());
 * RouteTable table = deployment.start(config);                                     // phase 2: installed
 * Server server = Server.builder().config(config).routeTable(table).build().start();
 * ...
 * server.close();
 * deployment.close();   // closes plugins and their class loaders once nothing serves their routes
 * }</pre>
 *
 * <p>The class path is the application itself: any problem there (a broken service entry, a
 * handler that cannot be created, two handlers on one route) stops start-up with a
 * {@link DiscoveryException}. A plugin jar with such a problem, or whose routes clash with those
 * already registered, is left out with one WARN line; with {@code strict} it stops start-up too.
 */
public final class Deployment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private final DiscoveryOptions options;
    private final List<DiscoveredSource> sources;
    private RouteTable table;

    private Deployment(DiscoveryOptions options, List<DiscoveredSource> sources) {
        this.options = options;
        this.sources = sources;
    }

    /**
     * Phase 1: finds the class path's and every plugin jar's plugins, filters and handler classes
     * (jars in file-name order). Plugins are created; handlers are not yet.
     *
     * @throws DiscoveryException on a class path problem, or a refused jar when strict
     */
    public static Deployment discover(DiscoveryOptions options) throws DiscoveryException {
        long start = System.nanoTime();
        List<DiscoveredSource> found = new ArrayList<>();
        try {
            found.add(Sources.classpath(options.classLoader(), options.scanPackages(), options.plugins()));
        } catch (DiscoveryException e) {
            throw new DiscoveryException("cannot start: " + e.getMessage(), e);
        }
        Deployment deployment = new Deployment(options, found);
        List<Path> jars;
        try {
            jars = pluginJars(options.pluginsDir());
        } catch (DiscoveryException e) {
            deployment.close();
            throw e;
        }
        for (Path jar : jars) {
            try {
                found.add(Sources.jar(jar, options.classLoader()));
            } catch (DiscoveryException e) {
                deployment.refuse(jar.getFileName().toString(), null, e);
            }
        }
        LOG.info("discovery found {} sources in {} ms", found.size(), Sources.millisSince(start));
        return deployment;
    }

    /** The settings every plugin found declares, for validating the configuration. */
    public List<Setting> settings() {
        List<Setting> all = new ArrayList<>();
        for (DiscoveredSource s : sources) {
            all.addAll(s.settings());
        }
        return all;
    }

    /** The sources in service (class path first, then jars by name); refused jars are not listed. */
    public List<DiscoveredSource> sources() {
        return Collections.unmodifiableList(sources);
    }

    /**
     * Phase 2: creates handlers, installs each source in order and returns the route table. A jar
     * whose installation fails or whose routes clash with those before it is refused.
     *
     * @throws DiscoveryException on a class path problem, or a refused jar when strict
     * @throws IllegalStateException when called twice
     */
    public RouteTable start(Config config) throws DiscoveryException {
        if (table != null) {
            throw new IllegalStateException("the deployment is already started");
        }
        long start = System.nanoTime();
        List<DiscoveredSource> accepted = new ArrayList<>();
        RouteTable built = null;
        for (DiscoveredSource source : List.copyOf(sources)) {
            try {
                SourceInstaller.install(source, config);
                accepted.add(source);
                built = buildTable(accepted);
            } catch (DiscoveryException e) {
                accepted.remove(source);
                refuse(source.name(), source, e);
            }
        }
        table = built;
        LOG.info("route table of {} sources built in {} ms", accepted.size(), Sources.millisSince(start));
        return table;
    }

    /** The table {@link #start} built, or {@code null} before. */
    public RouteTable table() {
        return table;
    }

    /**
     * Builds a fresh route table from installed {@code sources}, in order: the operation a
     * reload repeats after adding, replacing or removing one source.
     *
     * @throws DiscoveryException when two handlers claim one route (the message names both and
     *                            their sources) or a registration is invalid
     */
    public static RouteTable buildTable(List<DiscoveredSource> sources) throws DiscoveryException {
        RouteCollector collector = new RouteCollector();
        for (DiscoveredSource s : sources) {
            try {
                s.replayInto(collector);
            } catch (RuntimeException e) {
                throw new DiscoveryException(s.name() + ": " + DiscoveryException.describe(e), e);
            }
        }
        try {
            return collector.build();
        } catch (RouteConflictException e) {
            // One clash per line in the collector's message; the operator gets one line.
            throw new DiscoveryException(e.getMessage().replace("\n", "; "), e);
        }
    }

    /** Closes every source, jars first (in reverse order); call once the server no longer serves their routes. */
    @Override
    public void close() {
        for (int i = sources.size() - 1; i >= 0; i--) {
            sources.get(i).close();
        }
        sources.clear();
    }

    private void refuse(String name, DiscoveredSource source, DiscoveryException why) throws DiscoveryException {
        if (source != null) {
            sources.remove(source);
            source.close();
        }
        if (DiscoveredSource.CLASSPATH.equals(name)) {
            close();
            throw new DiscoveryException("cannot start: " + why.getMessage(), why);
        }
        if (options.strict()) {
            close();
            throw new DiscoveryException("plugin jar " + name + " refused (strict): " + why.getMessage(), why);
        }
        LOG.warn("plugin jar {} refused: {}", name, why.getMessage());
        LOG.debug("plugin jar {} refused", name, why);
    }

    private static List<Path> pluginJars(Path dir) throws DiscoveryException {
        if (dir == null || !Files.exists(dir)) {
            LOG.debug("no plugins folder {}", dir);
            return List.of();
        }
        if (!Files.isDirectory(dir)) {
            throw new DiscoveryException("cannot start: the plugins folder " + dir + " is not a folder");
        }
        List<Path> jars = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*.jar")) {
            for (Path p : entries) {
                if (Files.isRegularFile(p)) {
                    jars.add(p);
                }
            }
        } catch (IOException e) {
            throw new DiscoveryException("cannot start: cannot list the plugins folder " + dir + ": " + e.getMessage(), e);
        }
        jars.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        return jars;
    }
}
