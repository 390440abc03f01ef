package io.trestle.discovery;

import io.trestle.Config;
import io.trestle.Setting;
import io.trestle.WebResources;
import io.trestle.routing.RouteCollector;
import io.trestle.routing.RouteConflictException;
import io.trestle.routing.RouteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 *
 * <p>While the server runs, a hot reload ({@code io.trestle.reload}) changes the set of sources
 * with {@link #update}; the deployment always knows what is in service, so {@link #close} closes
 * exactly that. Thread-safe.
 */
public final class Deployment implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Deployment.class);

    private final DiscoveryOptions options;
    private final List<DiscoveredSource> sources;
    private final WebResources webResources = new WebResources();
    /** Jars left out, with what they looked like, so a reload retries them only once they change. */
    private final Map<String, JarStamp> refused = new HashMap<>();
    private RouteTable table;
    private Config config;
    private boolean closed;

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
                deployment.rememberRefused(jar);
            }
        }
        LOG.info("discovery found {} in {} ms", InWords.count(found.size(), "source", "sources"), Sources.millisSince(start));
        return deployment;
    }

    /** The settings every plugin found declares, for validating the configuration. */
    public synchronized List<Setting> settings() {
        List<Setting> all = new ArrayList<>();
        for (DiscoveredSource s : sources) {
            all.addAll(s.settings());
        }
        return all;
    }

    /** The sources in service now (class path first, then jars by name); refused jars are not listed. */
    public synchronized List<DiscoveredSource> sources() {
        return List.copyOf(sources);
    }

    /** Where discovery looked: the plugins folder, the parent loader of plugin jars. */
    public DiscoveryOptions options() {
        return options;
    }

    /** The web files of the plugin jars in service, in source order; filled by {@link #start}, kept current by {@link #update}. */
    public WebResources webResources() {
        return webResources;
    }

    /** The configuration {@link #start} was given, or {@code null} before. */
    public synchronized Config config() {
        return config;
    }

    /** The plugin jars refused at start-up, by file name, with their stamps then. */
    public synchronized Map<String, JarStamp> refusedJars() {
        return Map.copyOf(refused);
    }

    /**
     * Phase 2: creates handlers, installs each source in order and returns the route table. A jar
     * whose installation fails or whose routes clash with those before it is refused.
     *
     * @throws DiscoveryException on a class path problem, or a refused jar when strict
     * @throws IllegalStateException when called twice
     */
    public synchronized RouteTable start(Config config) throws DiscoveryException {
        if (table != null) {
            throw new IllegalStateException("the deployment is already started");
        }
        long start = System.nanoTime();
        this.config = config;
        List<DiscoveredSource> accepted = new ArrayList<>();
        RouteTable built = null;
        for (DiscoveredSource source : List.copyOf(sources)) {
            try {
                SourceInstaller.install(source, config, webResources);
                accepted.add(source);
                built = buildTable(accepted);
            } catch (DiscoveryException e) {
                accepted.remove(source);
                JarStamp stamp = source.stamp();
                refuse(source.name(), source, e);
                if (stamp != null) {
                    refused.put(source.name(), stamp);
                }
            }
        }
        table = built;
        webResources.replace(webFolders(accepted));
        LOG.info("route table of {} built in {} ms", InWords.count(accepted.size(), "source", "sources"),
                Sources.millisSince(start));
        return table;
    }

    /** The table in service: the one {@link #start} built or the last {@link #update}; {@code null} before. */
    public synchronized RouteTable table() {
        return table;
    }

    /**
     * Records that {@code next} sources are in service with {@code table} built from them, and
     * replaces the web folders to match. Called by a reload just before the server swaps to
     * {@code table}; the caller closes the sources it took out once no request uses them.
     *
     * @throws IllegalStateException before {@link #start} or after {@link #close}
     */
    public synchronized void update(List<DiscoveredSource> next, RouteTable table) {
        if (this.table == null || closed) {
            throw new IllegalStateException(closed ? "the deployment is closed" : "the deployment is not started");
        }
        sources.clear();
        sources.addAll(next);
        for (DiscoveredSource s : next) {
            refused.remove(s.name());
        }
        this.table = table;
        webResources.replace(webFolders(next));
    }

    /** The web folders of {@code sources} that have one, in order. */
    public static List<WebResources.Folder> webFolders(List<DiscoveredSource> sources) {
        List<WebResources.Folder> folders = new ArrayList<>();
        for (DiscoveredSource s : sources) {
            if (s.webFolder() != null) {
                folders.add(new WebResources.Folder(s.name(), s.webFolder()));
            }
        }
        return folders;
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
    public synchronized void close() {
        closed = true;
        webResources.replace(List.of());
        for (int i = sources.size() - 1; i >= 0; i--) {
            sources.get(i).close();
        }
        sources.clear();
    }

    private void rememberRefused(Path jar) {
        try {
            refused.put(jar.getFileName().toString(), JarStamp.of(jar));
        } catch (IOException e) {
            LOG.debug("cannot read the stamp of refused jar {}: {}", jar, e.getMessage());
        }
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
        try {
            return PluginFolder.jars(dir);
        } catch (IOException e) {
            throw new DiscoveryException("cannot start: cannot list the plugins folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
