package io.trestle.staticfiles;

import io.trestle.Config;
import io.trestle.Method;
import io.trestle.Plugin;
import io.trestle.Routes;
import io.trestle.Setting;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Serves the web root ({@code --root}, default {@code resources}) on {@code GET}/{@code HEAD
 * /{path...}}, the lowest-precedence route, so every API route wins over a file of the same name.
 * Found by discovery when {@code trestle-static} is on the class path; an application never has to
 * install it by hand, but may:
 *
 * <pre>{@code
 * Server.builder()
 *       .config(Config.of(Map.of("root", "public", "list-dirs", "true")))
 *       .plugin(new StaticFilesPlugin())
 *       .build().start();
 * }</pre>
 *
 * <p>What it does: safe path resolution (nothing outside the root, no dot-files but
 * {@code /.well-known/}), {@code index.html}, listings with {@code --list-dirs}, content types,
 * {@code ETag}/{@code Last-Modified} and conditional requests, byte ranges (several as
 * {@code multipart/byteranges}), precompressed {@code .br}/{@code .gz} variants, optional gzip on
 * the fly ({@code --gzip}), an in-memory cache of small files, zero-copy sending of big ones. A
 * missing root is logged as a warning and answers 404.
 */
public final class StaticFilesPlugin implements Plugin {
    /** The core's setting naming the web root. */
    static final String ROOT = "root";
    static final String DEFAULT_ROOT = "resources";

    @Override
    public void install(Routes routes, Config config) {
        Path root = Path.of(config.string(ROOT, DEFAULT_ROOT));
        // One root today; plugin jars' META-INF/resources/ will follow the web root in this list.
        List<ResourceRoot> roots = List.of(ResourceRoot.of(root));
        StaticFileHandler handler = new StaticFileHandler(roots, StaticFilesOptions.from(config));
        routes.add(EnumSet.of(Method.GET, Method.HEAD), "/{path...}", handler, -1);
    }

    @Override
    public List<Setting> settings() {
        return StaticFilesOptions.settings();
    }
}
