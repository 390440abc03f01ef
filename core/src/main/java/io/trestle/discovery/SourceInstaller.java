package io.trestle.discovery;

import io.trestle.Config;
import io.trestle.Filter;
import io.trestle.Plugin;
import io.trestle.Routes;
import io.trestle.WebResources;
import io.trestle.ServerObserver;
import io.trestle.routing.RouteCollector;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase two of discovery, run once the configuration has been validated against every declared
 * setting: creates the source's handler objects (with their {@link Config} constructor when they
 * have one) and registers handlers, plugins and filters.
 *
 * <pre>{@code
 * SourceInstaller.install(source, config, webResources); // records, for tables built later
 * SourceInstaller.install(source, config, collector);    // or straight into one collector
 * }</pre>
 */
public final class SourceInstaller {
    private static final Logger LOG = LoggerFactory.getLogger(SourceInstaller.class);

    private SourceInstaller() {
    }

    /**
     * Records what {@code source} registers, so {@link DiscoveredSource#replayInto} can repeat it
     * for each table built. Runs each plugin's {@code install} exactly once.
     *
     * @throws DiscoveryException when a handler cannot be created or a plugin's install fails
     */
    public static void install(DiscoveredSource source, Config config) throws DiscoveryException {
        install(source, config, WebResources.none());
    }

    /**
     * Like {@link #install(DiscoveredSource, Config)}; plugins that implement
     * {@link WebResources.Aware} are handed {@code web} before their {@code install}.
     */
    public static void install(DiscoveredSource source, Config config, WebResources web) throws DiscoveryException {
        long start = System.nanoTime();
        RecordedRoutes recorded = new RecordedRoutes();
        ContextLoader.with(source.classLoader(), () -> register(source, config, recorded, web));
        source.installed(recorded);
        LOG.info("{}: installed {} in {} ms", source.name(), InWords.count(recorded.size(), "registration", "registrations"),
                Sources.millisSince(start));
    }

    /** Registers {@code source} straight into {@code collector}, attributed to the source's name. */
    public static void install(DiscoveredSource source, Config config, RouteCollector collector) throws DiscoveryException {
        collector.source(source.name());
        ContextLoader.with(source.classLoader(), () -> register(source, config, collector, WebResources.none()));
    }

    private static Void register(DiscoveredSource source, Config config, Routes routes, WebResources web)
            throws DiscoveryException {
        // A class that is both a plugin (or filter) and a @Route class is instantiated once: reuse that object.
        Map<Class<?>, Object> created = new IdentityHashMap<>();
        for (Plugin p : source.plugins()) {
            created.put(p.getClass(), p);
        }
        for (Filter f : source.filters()) {
            created.putIfAbsent(f.getClass(), f);
        }
        for (Class<?> type : source.handlerClasses()) {
            Object instance = created.get(type);
            if (instance == null) {
                instance = Instantiator.instantiate(type, config);
            }
            try {
                routes.annotated(instance);
            } catch (RuntimeException e) {
                throw new DiscoveryException("cannot register " + type.getName() + ": " + DiscoveryException.describe(e), e);
            }
        }
        for (Plugin p : source.plugins()) {
            try {
                if (p instanceof WebResources.Aware aware) {
                    aware.webResources(web);
                }
                p.install(routes, config);
            } catch (Exception | LinkageError e) {
                throw new DiscoveryException("plugin " + p.getClass().getName() + " failed to install: " + DiscoveryException.describe(e), e);
            }
        }
        for (Filter f : source.filters()) {
            routes.filter(f);
        }
        for (ServerObserver o : source.observers()) {
            routes.observer(o);
        }
        return null;
    }
}
