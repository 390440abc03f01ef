package io.trestle.reload;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.Setting;
import io.trestle.discovery.Deployment;
import io.trestle.discovery.DiscoveredSource;
import io.trestle.discovery.DiscoveryException;
import io.trestle.discovery.JarStamp;
import io.trestle.discovery.SourceInstaller;
import io.trestle.discovery.Sources;
import io.trestle.json.JsonCodec;
import io.trestle.PluginEvent;
import io.trestle.routing.RouteTable;
import io.trestle.server.ServerAccess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys, replaces and removes plugin jars while the server runs, one change at a time.
 *
 * <p>A jar is loaded and checked in full before anything changes: its own class loader, its
 * plugins created and installed, then a trial route table built with every other source. If any
 * of that fails or its routes clash, the jar is refused with one WARN line and whatever served
 * before keeps serving. Otherwise the new table is swapped in atomically: requests already running
 * finish on the old table (and old code), new ones get the new table. The replaced or removed
 * jar is closed only once no request uses the old table any more (or the grace period passed):
 * its plugins' {@code close()}, then its class loader, its web files, and Jackson's caches.
 *
 * <pre>{@code
 * HotDeployer deployer = new HotDeployer(deployment, server, settings -> config, Duration.ofSeconds(10));
 * deployer.deploy(Path.of("plugins/hello.jar"));   // added, or replaced when already deployed
 * deployer.remove("hello.jar");
 * }</pre>
 *
 * <p>{@link PluginFolderWatcher} calls it when the plugins folder changes.
 */
public final class HotDeployer {
    private static final Logger LOG = LoggerFactory.getLogger(HotDeployer.class);
    private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final Deployment deployment;
    private final Server server;
    private final Function<List<Setting>, Config> configFor;
    private final Duration grace;
    /** Each jar deployed or refused, with the stamp it had: unchanged jars are not looked at again. */
    private final Map<String, JarStamp> known = new HashMap<>();

    /**
     * @param deployment the started deployment the server serves
     * @param server     the running server whose route table is swapped
     * @param configFor  the configuration for a new set of declared settings (every source's):
     *                   a new jar may declare settings the start-up configuration did not know;
     *                   a {@link RuntimeException} (a bad value) refuses the jar
     * @param grace      how long a replaced jar may keep serving running requests before it is
     *                   closed anyway
     */
    public HotDeployer(Deployment deployment, Server server, Function<List<Setting>, Config> configFor, Duration grace) {
        this.deployment = deployment;
        this.server = server;
        this.configFor = configFor;
        this.grace = grace;
        for (DiscoveredSource s : deployment.sources()) {
            if (s.stamp() != null) {
                known.put(s.name(), s.stamp());
            }
        }
        known.putAll(deployment.refusedJars());
    }

    /** A deployer that gives new jars the deployment's start-up configuration. */
    public HotDeployer(Deployment deployment, Server server, Duration grace) {
        this(deployment, server, settings -> deployment.config(), grace);
    }

    /** The folder being served. */
    public Path pluginsDir() {
        return deployment.options().pluginsDir();
    }

    /** The parent of plugin class loaders: the thread context loader the watcher runs with. */
    ClassLoader applicationLoader() {
        return deployment.options().classLoader();
    }

    /** Whether {@code name} was last deployed or refused with exactly {@code stamp}: nothing to do. */
    public synchronized boolean isCurrent(String name, JarStamp stamp) {
        return stamp.equals(known.get(name));
    }

    /** The jars deployed or refused, by file name. */
    public synchronized Set<String> knownJars() {
        return Set.copyOf(known.keySet());
    }

    /**
     * Deploys {@code jar}, replacing the deployed jar of the same file name if there is one.
     *
     * @return whether the jar is now in service (false: refused, the log says why)
     */
    public synchronized boolean deploy(Path jar) {
        long start = System.nanoTime();
        String name = jar.getFileName().toString();
        DiscoveredSource fresh;
        try {
            fresh = Sources.jar(jar, deployment.options().classLoader());
        } catch (DiscoveryException e) {
            refuse(name, currentStamp(jar), e);
            return false;
        }
        List<DiscoveredSource> current = deployment.sources();
        DiscoveredSource old = named(current, name);
        List<DiscoveredSource> next = replaced(current, old, fresh);
        RouteTable table;
        try {
            Config config = configFor.apply(settingsOf(next));
            SourceInstaller.install(fresh, config, deployment.webResources());
            table = Deployment.buildTable(next);
        } catch (DiscoveryException | RuntimeException | LinkageError e) {
            fresh.close();
            refuse(name, fresh.stamp(), e);
            return false;
        }
        known.put(name, fresh.stamp());
        try {
            switchTo(next, table, old, old == null ? "deployed" : "replaced", name, start);
        } catch (IllegalStateException closedMeanwhile) {
            fresh.close();
            LOG.info("plugin jar {} not deployed: the server is stopping", name);
            return false;
        }
        return true;
    }

    /** Takes the jar {@code name} out of service (or forgets it, if it was refused). */
    public synchronized void remove(String name) {
        long start = System.nanoTime();
        known.remove(name);
        List<DiscoveredSource> current = deployment.sources();
        DiscoveredSource old = named(current, name);
        if (old == null) {
            LOG.info("plugin jar {} removed (it was not in service)", name);
            return;
        }
        List<DiscoveredSource> next = new ArrayList<>(current);
        next.remove(old);
        RouteTable table;
        try {
            table = Deployment.buildTable(next);
        } catch (DiscoveryException e) {
            // Fewer sources cannot clash; this would be a bug, so the old table stays.
            LOG.error("plugin jar {} removed, but the route table without it cannot be built: {}", name, e.getMessage(), e);
            return;
        }
        switchTo(next, table, old, "removed", name, start);
    }

    private void switchTo(List<DiscoveredSource> next, RouteTable table, DiscoveredSource old, String verb, String name,
            long start) {
        RouteTable before = server.routeTable();
        deployment.update(next, table);      // web files first: a request on the new table sees the new files
        server.routeTable(table);
        RouteChanges changes = RouteChanges.between(before, table);
        LOG.info("plugin jar {} {} in {} ms; route table {}", name, verb, millisSince(start), changes.describe(table));
        PluginEvent.Kind kind = switch (verb) {
            case "deployed" -> PluginEvent.Kind.DEPLOYED;
            case "replaced" -> PluginEvent.Kind.SWAPPED;
            default -> PluginEvent.Kind.REMOVED;
        };
        tell(new PluginEvent(kind, name, unmarked(changes.added()), unmarked(changes.removed()), null), table);
        if (old != null) {
            retire(old, before);
        }
    }

    /** Closes {@code old} once no request runs on {@code before} any more, or after the grace period. */
    private void retire(DiscoveredSource old, RouteTable before) {
        long deadline = System.nanoTime() + grace.toNanos();
        while (!before.idle() && System.nanoTime() - deadline < 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(IDLE_POLL_NANOS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (!before.idle()) {
            LOG.warn("requests still running on the old routes of {} after {}; closing it anyway", old.name(),
                    Config.formatDuration(grace));
        }
        old.close();
        // Jackson keeps serializers and types of the old classes; they would pin the old class loader.
        JsonCodec.clearCaches();
        LOG.debug("{}: old version closed", old.name());
    }

    private void refuse(String name, JarStamp stamp, Throwable why) {
        if (stamp != null) {
            known.put(name, stamp);      // tried again only once the file changes
        }
        boolean serving = named(deployment.sources(), name) != null;
        String message = why instanceof DiscoveryException || why instanceof IllegalArgumentException
                ? why.getMessage() : DiscoveryException.describe(why);
        LOG.warn("plugin jar {} refused: {}; {}", name, message,
                serving ? "the version in service keeps serving" : "it is not deployed");
        LOG.debug("plugin jar {} refused", name, why);
        tell(new PluginEvent(PluginEvent.Kind.REFUSED, name, List.of(), List.of(), message), server.routeTable());
    }

    /** Tells the server's observers, and those of the table now in service (a new plugin's too). */
    private void tell(PluginEvent event, RouteTable inService) {
        ServerAccess.runtime(server).pluginChanged(event, inService);
    }

    /** The change lines without their {@code + } or {@code - } mark. */
    private static List<String> unmarked(List<String> lines) {
        List<String> plain = new ArrayList<>(lines.size());
        for (String line : lines) {
            plain.add(line.substring(2));
        }
        return plain;
    }

    private static JarStamp currentStamp(Path jar) {
        try {
            return JarStamp.of(jar);
        } catch (IOException e) {
            return null;
        }
    }

    private static DiscoveredSource named(List<DiscoveredSource> sources, String name) {
        for (DiscoveredSource s : sources) {
            if (s.jar() != null && s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** The class path sources first (as they were), then the jars by file name. */
    private static List<DiscoveredSource> replaced(List<DiscoveredSource> current, DiscoveredSource old, DiscoveredSource fresh) {
        List<DiscoveredSource> fixed = new ArrayList<>();
        List<DiscoveredSource> jars = new ArrayList<>();
        for (DiscoveredSource s : current) {
            if (s == old) {
                continue;
            }
            (s.jar() == null ? fixed : jars).add(s);
        }
        jars.add(fresh);
        jars.sort(Comparator.comparing(DiscoveredSource::name));
        fixed.addAll(jars);
        return fixed;
    }

    private static List<Setting> settingsOf(List<DiscoveredSource> sources) {
        List<Setting> all = new ArrayList<>();
        for (DiscoveredSource s : sources) {
            all.addAll(s.settings());
        }
        return all;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
