package io.trestle.reload;

import io.trestle.Config;
import io.trestle.discovery.JarStamp;
import io.trestle.discovery.PluginFolder;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the plugins folder and hands changes to a {@link HotDeployer}: a new or changed jar is
 * deployed once it has settled (see {@link SettleCheck}: a jar still being copied is never
 * loaded), a jar gone from the folder is removed. An atomic rename ({@code mv hello.jar.tmp
 * hello.jar}) is a change like any other, since the stamp includes the file's identity.
 *
 * <p>File-system events only wake the watcher up; each time it compares the folder with what the
 * deployer knows, and it also looks every {@link #IDLE_RESCAN} without events, so a lost event
 * (an overflow, a network file system) delays a change but never loses it. A folder that does not
 * exist yet is waited for. One platform thread, {@value #THREAD_NAME}; {@link #close()} stops it.
 *
 * <pre>{@code
 * PluginFolderWatcher watcher = PluginFolderWatcher.start(deployer, PluginFolderWatcher.DEFAULT_SETTLE);
 * ...
 * watcher.close();     // before the deployment is closed
 * }</pre>
 */
public final class PluginFolderWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PluginFolderWatcher.class);
    static final String THREAD_NAME = "trestle-plugins-watcher";
    /** How long a jar must stay unchanged before it is loaded. */
    public static final Duration DEFAULT_SETTLE = Duration.ofMillis(300);
    static final Duration IDLE_RESCAN = Duration.ofSeconds(2);
    private static final long SETTLING_POLL_MILLIS = 50;
    /** A missing folder is looked for this often: `mkdir plugins; cp x.jar plugins/` should not wait long. */
    private static final long MISSING_FOLDER_POLL_MILLIS = 500;

    private final Path dir;
    private final HotDeployer deployer;
    private final SettleCheck settle;
    private final WatchService watch;
    private final Thread thread;
    private volatile boolean stopped;
    private WatchKey key;

    private PluginFolderWatcher(HotDeployer deployer, Duration settle) throws IOException {
        this.dir = deployer.pluginsDir();
        this.deployer = deployer;
        this.settle = new SettleCheck(settle.toNanos());
        this.watch = dir.getFileSystem().newWatchService();
        this.thread = Thread.ofPlatform().name(THREAD_NAME).daemon().unstarted(this::run);
        thread.setContextClassLoader(deployer.applicationLoader());
    }

    /**
     * Starts watching the deployer's plugins folder.
     *
     * @throws IOException when the file system offers no watch service
     */
    public static PluginFolderWatcher start(HotDeployer deployer, Duration settle) throws IOException {
        PluginFolderWatcher watcher = new PluginFolderWatcher(deployer, settle);
        watcher.thread.start();
        LOG.info("watching {} for plugin jars (hot reload; --no-reload turns it off)", watcher.dir.toAbsolutePath());
        return watcher;
    }

    /** Stops the thread, waiting for a change in progress to finish; idempotent. */
    @Override
    public void close() {
        stopped = true;
        try {
            watch.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.MINUTES.toMillis(1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try {
            while (!stopped) {
                register();
                lookOnce();
                awaitChange();
            }
        } catch (ClosedWatchServiceException | InterruptedException stop) {
            LOG.debug("plugin watcher stopped");
        }
    }

    /** Watches the folder once it exists (again). */
    private void register() {
        if (key != null && key.isValid()) {
            return;
        }
        try {
            key = dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        } catch (NoSuchFileException e) {
            key = null;            // not there yet: looked for again on the next round
        } catch (IOException e) {
            key = null;
            LOG.warn("cannot watch {}: {}; looking every {} instead", dir, e.getMessage(), Config.formatDuration(IDLE_RESCAN));
        }
    }

    /** Compares the folder with what the deployer knows and applies the difference. */
    private void lookOnce() {
        Map<String, Path> present = new LinkedHashMap<>();
        Map<String, JarStamp> stamps = new LinkedHashMap<>();
        if (!list(present, stamps)) {
            return;
        }
        try {
            for (String name : deployer.knownJars()) {
                if (!present.containsKey(name)) {
                    deployer.remove(name);
                }
            }
            Set<String> unsettled = new HashSet<>();
            long now = System.nanoTime();
            for (Map.Entry<String, Path> jar : present.entrySet()) {
                String name = jar.getKey();
                JarStamp stamp = stamps.get(name);
                if (stopped || deployer.isCurrent(name, stamp)) {
                    continue;
                }
                if (settle.settled(name, jar.getValue(), stamp, now)) {
                    deployer.deploy(jar.getValue());
                } else {
                    unsettled.add(name);
                }
            }
            settle.retainOnly(unsettled);
        } catch (RuntimeException | LinkageError e) {
            // The watcher must outlive any one plugin's failure.
            LOG.error("plugin reload failed", e);
        }
    }

    /** Fills in the jars of the folder; false when it cannot be listed now (then nothing is removed). */
    private boolean list(Map<String, Path> present, Map<String, JarStamp> stamps) {
        if (!Files.isDirectory(dir)) {
            return true;           // no folder: no plugins
        }
        try {
            for (Path jar : PluginFolder.jars(dir)) {
                try {
                    String name = jar.getFileName().toString();
                    stamps.put(name, JarStamp.of(jar));
                    present.put(name, jar);
                } catch (NoSuchFileException gone) {
                    // deleted between listing and reading: it is simply not there
                }
            }
            return true;
        } catch (IOException e) {
            LOG.warn("cannot list {}: {}", dir, e.getMessage());
            return false;
        }
    }

    /** Waits for an event in the folder, soon when a jar is settling, else at most {@link #IDLE_RESCAN}. */
    private void awaitChange() throws InterruptedException {
        long wait = settle.waiting() ? SETTLING_POLL_MILLIS : key == null ? MISSING_FOLDER_POLL_MILLIS : IDLE_RESCAN.toMillis();
        WatchKey signalled = watch.poll(wait, TimeUnit.MILLISECONDS);
        while (signalled != null) {
            signalled.pollEvents();    // which file does not matter: the whole folder is compared
            if (!signalled.reset() && signalled == key) {
                key = null;
            }
            signalled = watch.poll();
        }
    }
}
