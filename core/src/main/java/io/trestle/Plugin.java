package io.trestle;

import java.util.List;

/**
 * Registers routes and filters in code. Found by {@link java.util.ServiceLoader} through a
 * {@code META-INF/services/io.trestle.Plugin} entry, on the application's class path or in a jar
 * dropped into the plugins folder.
 *
 * <pre>{@code
 * public final class PingPlugin implements Plugin {
 *     public void install(Routes routes, Config config) {
 *         routes.get("/ping", (req, res) -> res.text("pong"));
 *     }
 * }
 * }</pre>
 *
 * <p>The settings a plugin declares become valid command-line flags, properties-file keys and
 * environment variables of the application; {@code install} reads them from {@code config}.
 */
public interface Plugin extends AutoCloseable {

    void install(Routes routes, Config config) throws Exception;

    /** The settings this plugin reads, so the app can check and document them. */
    default List<Setting> settings() {
        return List.of();
    }

    /** Called after the plugin's routes are gone: release threads, files, connections. */
    @Override
    default void close() throws Exception {
    }
}
