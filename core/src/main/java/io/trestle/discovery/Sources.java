package io.trestle.discovery;

import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Plugin;
import io.trestle.ServerObserver;
import io.trestle.Setting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Phase one of discovery: finds a source's plugins (instantiated, so their settings can be
 * checked), filters and handler classes (not yet instantiated: their constructors may read
 * settings that are not validated yet).
 *
 * <pre>{@code
 * DiscoveredSource app = Sources.classpath(appLoader, List.of("com.acme.web"));
 * DiscoveredSource jar = Sources.jar(Path.of("plugins/hello.jar"), appLoader);
 * }</pre>
 */
public final class Sources {
    private static final Logger LOG = LoggerFactory.getLogger(Sources.class);

    private Sources() {
    }

    /**
     * The application class path: ServiceLoader entries seen by {@code loader}, plus the
     * {@code @Route} classes in {@code scanPackages} (no scan when the list is empty).
     */
    public static DiscoveredSource classpath(ClassLoader loader, List<String> scanPackages) throws DiscoveryException {
        return classpath(loader, scanPackages, List.of());
    }

    /** The class path as {@link #classpath(ClassLoader, List)}, with {@code codePlugins} installed before the ones found. */
    public static DiscoveredSource classpath(ClassLoader loader, List<String> scanPackages, List<Plugin> codePlugins)
            throws DiscoveryException {
        long start = System.nanoTime();
        DiscoveredSource source = find(DiscoveredSource.CLASSPATH, loader, false, () -> RouteLookup.packages(loader, scanPackages),
                codePlugins, null).source();
        LOG.info("class path: {} in {} ms ({})", summary(source), millisSince(start),
                scanPackages.isEmpty() ? "no packages to scan" : "scanned " + InWords.list(scanPackages));
        return source;
    }

    /**
     * One plugin jar, in its own {@link PluginClassLoader} (over a private copy of the jar) with
     * {@code parent} as parent; its web files ({@code META-INF/resources/}) are unpacked into a
     * folder of their own. On failure the loader is closed and the folder deleted again.
     *
     * @throws DiscoveryException when the jar is unreadable, an entry names a missing class, a
     *                            web file has an unsafe name, or a plugin or filter cannot be created
     */
    public static DiscoveredSource jar(Path jar, ClassLoader parent) throws DiscoveryException {
        long start = System.nanoTime();
        String name = jar.getFileName().toString();
        JarStamp stamp;
        PluginClassLoader loader;
        try {
            // Read before the copy: a jar changed while being copied then looks changed again later.
            stamp = JarStamp.of(jar);
            loader = PluginClassLoader.open(jar, parent);
        } catch (IOException e) {
            throw new DiscoveryException(e.getMessage(), e);
        }
        Path web = null;
        try {
            web = WebFolder.unpack(loader.copy(), name, stamp.modified());
            DiscoveredSource.JarFiles files = new DiscoveredSource.JarFiles(jar, stamp, web);
            Found found = find(name, loader, true, () -> RouteLookup.jar(loader.copy(), name), List.of(), files);
            DiscoveredSource source = found.source();
            LOG.info("plugin jar {}: {}{} in {} ms ({})", name, summary(source), web == null ? "" : ", web files",
                    millisSince(start), found.routes().inWords());
            return source;
        } catch (DiscoveryException e) {
            cleanUp(loader, web);
            throw e;
        } catch (IOException e) {
            cleanUp(loader, web);
            throw new DiscoveryException(e.getMessage(), e);
        } catch (RuntimeException e) {
            // A plugin's fault must not escape as a crash of the whole start-up: it refuses the jar.
            cleanUp(loader, web);
            throw new DiscoveryException(DiscoveryException.describe(e), e);
        }
    }

    private interface Scan {
        RouteLookup.Found classNames() throws DiscoveryException;
    }

    /** A source found, with the way its {@code @Route} classes were found. */
    private record Found(DiscoveredSource source, RouteLookup.Found routes) {
    }

    private static Found find(String name, ClassLoader loader, boolean ownOnly, Scan scan, List<Plugin> codePlugins,
            DiscoveredSource.JarFiles files) throws DiscoveryException {
        long start = System.nanoTime();
        List<ServiceLoader.Provider<Plugin>> pluginTypes = ServiceFinder.providers(Plugin.class, loader, ownOnly);
        List<ServiceLoader.Provider<Filter>> filterTypes = ServiceFinder.providers(Filter.class, loader, ownOnly);
        List<ServiceLoader.Provider<ServerObserver>> observerTypes = ServiceFinder.providers(ServerObserver.class, loader, ownOnly);
        LinkedHashSet<Class<?>> handlers = new LinkedHashSet<>();
        for (ServiceLoader.Provider<Handler> h : ServiceFinder.providers(Handler.class, loader, ownOnly)) {
            handlers.add(h.type());
        }
        // The class path's steps are logged at INFO; a jar's at DEBUG, its total at INFO.
        Level stepLevel = ownOnly ? Level.DEBUG : Level.INFO;
        LOG.atLevel(stepLevel).log("{}: ServiceLoader lookups took {} ms", name, millisSince(start));

        long scanStart = System.nanoTime();
        RouteLookup.Found found = scan.classNames();
        List<String> routeClasses = new ArrayList<>();
        for (String className : found.names()) {
            Class<?> type = load(className, loader, name);
            if (found.indexed() && !RouteCheck.isRouteClass(type)) {
                // A stale index (an IDE build, an old jar) may name a class that lost its routes.
                LOG.debug("{}: skipping {}: the @Route index lists it, but it has no @Route (a stale index)", name, className);
                continue;
            }
            handlers.add(type);
            routeClasses.add(className);
        }
        LOG.atLevel(stepLevel).log("{}: {} took {} ms, {}", name, found.how(), millisSince(scanStart),
                InWords.count(routeClasses.size(), "@Route class", "@Route classes"));
        LOG.debug("{}: @Route classes: {}", name, InWords.list(routeClasses));

        List<Plugin> plugins = new ArrayList<>(codePlugins);
        List<Filter> filters;
        List<ServerObserver> observers;
        List<Setting> settings;
        try {
            plugins.addAll(ContextLoader.with(loader, () -> ServiceFinder.instances(Plugin.class, pluginTypes)));
            filters = ContextLoader.with(loader, () -> ServiceFinder.instances(Filter.class, filterTypes));
            observers = ContextLoader.with(loader, () -> ServiceFinder.instances(ServerObserver.class, observerTypes));
            settings = ContextLoader.with(loader, () -> declaredSettings(plugins));
        } catch (DiscoveryException e) {
            ContextLoader.with(loader, () -> {
                ServiceFinder.closeAll(plugins);
                return null;
            });
            throw e;
        }
        DiscoveredSource source = new DiscoveredSource(name, loader, plugins, List.copyOf(handlers), filters, observers, settings,
                files);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}: plugins: {}; handler classes: {}; filters: {}", name, InWords.list(classNames(plugins)),
                    InWords.list(handlers.stream().map(Class::getName).toList()), InWords.list(classNames(filters)));
            LOG.debug("{}: observers: {}", name, InWords.list(classNames(observers)));
        }
        return new Found(source, found);
    }

    /** Asked once, here, so a plugin whose {@code settings()} fails is refused like any broken plugin. */
    private static List<Setting> declaredSettings(List<Plugin> plugins) throws DiscoveryException {
        List<Setting> all = new ArrayList<>();
        for (Plugin p : plugins) {
            List<Setting> declared;
            try {
                declared = p.settings();
            } catch (RuntimeException | LinkageError e) {
                throw new DiscoveryException("plugin " + p.getClass().getName() + " failed to list its settings: "
                        + DiscoveryException.describe(e), e);
            }
            if (declared == null) {
                throw new DiscoveryException("plugin " + p.getClass().getName() + " returned null settings");
            }
            for (Setting setting : declared) {
                if (setting == null) {
                    throw new DiscoveryException("plugin " + p.getClass().getName() + " listed a null setting");
                }
                all.add(setting);
            }
        }
        return List.copyOf(all);
    }

    private static Class<?> load(String className, ClassLoader loader, String source) throws DiscoveryException {
        try {
            Class<?> c = Class.forName(className, false, loader);
            if (c.getClassLoader() != loader && loader instanceof PluginClassLoader) {
                throw new DiscoveryException(className + " in " + source + " is shadowed by the same class of the application");
            }
            return c;
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DiscoveryException("cannot load @Route class " + className + ": " + DiscoveryException.describe(e), e);
        }
    }

    /** {@code 2 plugins, 1 handler class, no filters} */
    private static String summary(DiscoveredSource source) {
        return InWords.count(source.plugins().size(), "plugin", "plugins") + ", "
                + InWords.count(source.handlerClasses().size(), "handler class", "handler classes") + ", "
                + InWords.count(source.filters().size(), "filter", "filters");
    }

    private static List<String> classNames(List<?> objects) {
        List<String> names = new ArrayList<>(objects.size());
        for (Object o : objects) {
            names.add(o.getClass().getName());
        }
        return names;
    }

    private static void cleanUp(PluginClassLoader loader, Path web) {
        closeQuietly(loader);
        WebFolder.delete(web);
    }

    private static void closeQuietly(PluginClassLoader loader) {
        try {
            loader.close();
        } catch (IOException e) {
            LOG.debug("closing {} after a failure: {}", loader, e.getMessage());
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
