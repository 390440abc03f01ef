package io.trestle.discovery;

import io.trestle.Config;
import io.trestle.Plugin;
import io.trestle.Setting;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where discovery looks and how strict it is.
 *
 * <pre>{@code
 * DiscoveryOptions options = DiscoveryOptions.from(config)          // scan, plugins, strict
 *         .withPlugins(List.of((routes, cfg) -> routes.get("/", home)));
 * }</pre>
 *
 * @param classLoader  the application's class loader: its ServiceLoader entries and scanned
 *                     packages form the {@code classpath} source, and it is every plugin jar's parent
 * @param scanPackages packages (with sub-packages) of the class path scanned for {@code @Route}
 * @param pluginsDir   the folder whose {@code *.jar} files are loaded as plugins, or {@code null}
 * @param strict       whether a refused plugin jar stops start-up instead of being left out
 * @param plugins      plugins given in code, installed as part of the {@code classpath} source
 */
public record DiscoveryOptions(ClassLoader classLoader, List<String> scanPackages, Path pluginsDir, boolean strict,
        List<Plugin> plugins) {

    /** Setting {@code scan}: packages of the application scanned for {@code @Route} classes. */
    public static final Setting SCAN = Setting.of("scan", Setting.Kind.LIST, null,
            "packages scanned for @Route classes, comma-separated (none by default)");
    /** Setting {@code plugins}: the plugins folder. */
    public static final Setting PLUGINS = Setting.of("plugins", Setting.Kind.PATH, "plugins",
            "folder of plugin jars, each loaded in its own class loader");
    /** Setting {@code strict}: refuse to start when a plugin jar is broken or clashes. */
    public static final Setting STRICT = Setting.flag("strict",
            "stop start-up when a plugin jar is broken or its routes clash (by default it is left out)");
    /** The settings discovery reads, for the application's list of core settings. */
    public static final List<Setting> SETTINGS = List.of(SCAN, PLUGINS, STRICT);

    public DiscoveryOptions {
        Objects.requireNonNull(classLoader, "classLoader");
        scanPackages = List.copyOf(scanPackages);
        plugins = List.copyOf(plugins);
    }

    /** Options from the settings {@code scan}, {@code plugins} and {@code strict}, with this class's loader. */
    public static DiscoveryOptions from(Config config) {
        String dir = config.string(PLUGINS.name(), PLUGINS.defaultValue());
        return new DiscoveryOptions(DiscoveryOptions.class.getClassLoader(), config.list(SCAN.name()), Path.of(dir),
                config.bool(STRICT.name(), false), List.of());
    }

    public DiscoveryOptions withClassLoader(ClassLoader loader) {
        return new DiscoveryOptions(loader, scanPackages, pluginsDir, strict, plugins);
    }

    /** Another plugins folder; {@code null} loads no plugin jars. */
    public DiscoveryOptions withPluginsDir(Path dir) {
        return new DiscoveryOptions(classLoader, scanPackages, dir, strict, plugins);
    }

    public DiscoveryOptions withStrict(boolean strict) {
        return new DiscoveryOptions(classLoader, scanPackages, pluginsDir, strict, plugins);
    }

    public DiscoveryOptions withPlugins(List<Plugin> plugins) {
        return new DiscoveryOptions(classLoader, scanPackages, pluginsDir, strict, plugins);
    }
}
