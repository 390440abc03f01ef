package io.trestle.staticfiles;

import io.trestle.Config;
import io.trestle.Setting;
import java.util.List;

/**
 * The settings of the static-files module, read once at start-up.
 *
 * @param listDirs          serve an HTML listing for directories without {@code index.html}
 * @param cacheControlHtml  {@code Cache-Control} for HTML (revalidate each time by default)
 * @param cacheControl      {@code Cache-Control} for everything else
 * @param gzip              compress compressible types above 1 KiB on the fly
 * @param memoryCacheSize   bytes of file content kept in memory, all files together (0: none)
 * @param memoryCacheMaxFile the largest file kept in memory
 */
record StaticFilesOptions(boolean listDirs, String cacheControlHtml, String cacheControl, boolean gzip,
                          long memoryCacheSize, long memoryCacheMaxFile) {

    static final String LIST_DIRS = "list-dirs";
    static final String CACHE_CONTROL_HTML = "cache-control-html";
    static final String CACHE_CONTROL = "cache-control";
    static final String GZIP = "gzip";
    static final String MEMORY_CACHE_SIZE = "memory-cache-size";
    static final String MEMORY_CACHE_MAX_FILE = "memory-cache-max-file";

    static final String DEFAULT_CACHE_CONTROL_HTML = "no-cache";
    static final String DEFAULT_CACHE_CONTROL = "public, max-age=3600";
    static final long DEFAULT_MEMORY_CACHE_SIZE = 16L << 20;
    static final long DEFAULT_MEMORY_CACHE_MAX_FILE = 64L << 10;

    /** The settings as declared to the application (flags, properties, environment). */
    static List<Setting> settings() {
        return List.of(
                Setting.flag(LIST_DIRS, "serve an HTML listing of folders that have no index.html"),
                Setting.of(CACHE_CONTROL_HTML, Setting.Kind.STRING, DEFAULT_CACHE_CONTROL_HTML,
                        "Cache-Control of static HTML files"),
                Setting.of(CACHE_CONTROL, Setting.Kind.STRING, DEFAULT_CACHE_CONTROL,
                        "Cache-Control of other static files"),
                Setting.of(GZIP, Setting.Kind.BOOLEAN, "false",
                        "gzip compressible static files above 1 KiB on the fly"
                                + " (precompressed .br/.gz files are used regardless)"),
                Setting.of(MEMORY_CACHE_SIZE, Setting.Kind.SIZE, "16MiB",
                        "memory for caching small static files (0 turns the cache off)"),
                Setting.of(MEMORY_CACHE_MAX_FILE, Setting.Kind.SIZE, "64KiB",
                        "the largest static file kept in the memory cache"));
    }

    static StaticFilesOptions from(Config config) {
        return new StaticFilesOptions(
                config.bool(LIST_DIRS, false),
                config.string(CACHE_CONTROL_HTML, DEFAULT_CACHE_CONTROL_HTML),
                config.string(CACHE_CONTROL, DEFAULT_CACHE_CONTROL),
                config.bool(GZIP, false),
                config.size(MEMORY_CACHE_SIZE, DEFAULT_MEMORY_CACHE_SIZE),
                config.size(MEMORY_CACHE_MAX_FILE, DEFAULT_MEMORY_CACHE_MAX_FILE));
    }

    static StaticFilesOptions defaults() {
        return from(Config.empty());
    }
}
