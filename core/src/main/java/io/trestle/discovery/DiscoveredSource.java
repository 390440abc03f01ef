package io.trestle.discovery;

import io.trestle.Filter;
import io.trestle.Plugin;
import io.trestle.ServerObserver;
import io.trestle.Setting;
import io.trestle.routing.RouteCollector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One place handlers come from: the application class path ({@value #CLASSPATH}) or one plugin
 * jar (named by its file name). Found in two steps: {@link Sources} loads the plugins (so their
 * {@link #settings()} can be checked), then {@link SourceInstaller} creates the handlers and
 * records what the source registers, which {@link #replayInto} repeats for each table built.
 *
 * <pre>{@code
 * DiscoveredSource jar = Sources.jar(Path.of("plugins/hello.jar"), appLoader);
 * List<Setting> declared = jar.settings();
 * SourceInstaller.install(jar, config);
 * jar.replayInto(collector);
 * ...
 * jar.close();   // after its routes are out of service
 * }</pre>
 */
public final class DiscoveredSource implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveredSource.class);

    /** The name of the application class path source. */
    public static final String CLASSPATH = "classpath";

    private final String name;
    private final ClassLoader loader;
    private final List<Plugin> plugins;
    private final List<ServerObserver> observers;
    private final List<Class<?>> handlerClasses;
    private final List<Filter> filters;
    private final List<Setting> settings;
    private final JarFiles files;
    private volatile RecordedRoutes routes;
    private boolean closed;

    /**
     * The files behind a plugin jar source.
     *
     * @param jar       the jar in the plugins folder
     * @param stamp     what the jar looked like when it was read
     * @param webFolder its unpacked {@code META-INF/resources/}, or {@code null} when it has none
     */
    record JarFiles(Path jar, JarStamp stamp, Path webFolder) {
    }

    DiscoveredSource(String name, ClassLoader loader, List<Plugin> plugins, List<Class<?>> handlerClasses, List<Filter> filters,
            List<ServerObserver> observers, List<Setting> settings, JarFiles files) {
        this.observers = List.copyOf(observers);
        this.name = name;
        this.files = files;
        this.loader = loader;
        this.plugins = List.copyOf(plugins);
        this.handlerClasses = List.copyOf(handlerClasses);
        this.filters = List.copyOf(filters);
        this.settings = List.copyOf(settings);
    }

    /** {@value #CLASSPATH}, or the plugin jar's file name. */
    public String name() {
        return name;
    }

    /** The loader the source's classes come from: the application's, or a {@link PluginClassLoader}. */
    public ClassLoader classLoader() {
        return loader;
    }

    /** The plugins found through {@code META-INF/services/io.trestle.Plugin}, in file order. */
    public List<Plugin> plugins() {
        return plugins;
    }

    /** Handler and {@code @Route} classes from ServiceLoader and the scan, each once. */
    public List<Class<?>> handlerClasses() {
        return handlerClasses;
    }

    /** Filters found through {@code META-INF/services/io.trestle.Filter}. */
    public List<Filter> filters() {
        return filters;
    }

    /**
     * Observers found through {@code META-INF/services/io.trestle.ServerObserver}; they
     * observe while the source's routes are in service.
     */
    public List<ServerObserver> observers() {
        return observers;
    }

    /** The settings all of this source's plugins declare, in plugin order. */
    public List<Setting> settings() {
        return settings;
    }

    /** The plugin jar this source was loaded from, or {@code null} for the class path. */
    public Path jar() {
        return files == null ? null : files.jar();
    }

    /** What the jar looked like when it was loaded, or {@code null} for the class path. */
    public JarStamp stamp() {
        return files == null ? null : files.stamp();
    }

    /** The folder holding the jar's web files ({@code META-INF/resources/}), or {@code null} when it has none. */
    public Path webFolder() {
        return files == null ? null : files.webFolder();
    }

    /** Whether {@link SourceInstaller} has run, so {@link #replayInto} can be called. */
    public boolean installed() {
        return routes != null;
    }

    void installed(RecordedRoutes recorded) {
        this.routes = recorded;
    }

    /** What {@link SourceInstaller} recorded, or {@code null} before. */
    RecordedRoutes recorded() {
        return routes;
    }

    /**
     * Registers everything this source registered, attributed to {@link #name()}.
     *
     * @throws IllegalStateException before {@link SourceInstaller#install}
     */
    public void replayInto(RouteCollector collector) {
        RecordedRoutes recorded = routes;
        if (recorded == null) {
            throw new IllegalStateException("source " + name + " is not installed yet");
        }
        collector.source(name);
        recorded.replayInto(collector);
    }

    /**
     * Closes each plugin, then the jar's class loader (not the application's), and deletes the
     * jar's unpacked web files. The caller takes the source's routes out of service first. Failures are logged, not thrown; closing twice
     * does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        routes = null;
        ContextLoader.with(loader, () -> {
            for (Plugin p : plugins) {
                try {
                    p.close();
                } catch (Exception | LinkageError e) {
                    LOG.warn("plugin {} of {} failed to close: {}", p.getClass().getName(), name, DiscoveryException.describe(e), e);
                }
            }
            return null;
        });
        if (loader instanceof PluginClassLoader jarLoader) {
            try {
                jarLoader.close();
            } catch (IOException e) {
                LOG.warn("cannot close the class loader of {}: {}", name, e.getMessage());
            }
        }
        if (files != null) {
            WebFolder.delete(files.webFolder());
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
