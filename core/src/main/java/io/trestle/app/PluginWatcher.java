package io.trestle.app;

import io.trestle.Config;
import io.trestle.Server;
import io.trestle.Setting;
import io.trestle.discovery.Deployment;
import io.trestle.reload.HotDeployer;
import io.trestle.reload.PluginFolderWatcher;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The launcher's hot-reload part: a jar added, replaced or removed in the plugins folder changes
 * the routes while the server runs.
 */
final class PluginWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private PluginWatcher() {}

    /**
     * Watches the deployment's plugins folder, or returns null (hot reload off, with a warning)
     * when it can't be watched. {@code settings} resolves a new jar's settings like the start-up
     * ones.
     */
    static PluginFolderWatcher start(Deployment deployment, Server server, Function<List<Setting>, Config> settings,
                                     Duration shutdownGrace) {
        HotDeployer deployer = new HotDeployer(deployment, server, settings, shutdownGrace);
        try {
            return PluginFolderWatcher.start(deployer, PluginFolderWatcher.DEFAULT_SETTLE);
        } catch (IOException e) {
            LOG.warn("hot reload is off: cannot watch {}: {}", deployer.pluginsDir(), e.getMessage());
            return null;
        }
    }
}
