package io.trestle.staticfiles;

import io.trestle.Handler;
import io.trestle.HttpException;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;
import io.trestle.WebResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Serves GET and HEAD from an ordered list of {@link ResourceRoot}s (the first that has the path
 * wins): files, {@code index.html} of directories, a redirect to the slash form of a directory
 * path, and optionally a listing. The lookup uses the raw request path, checked by
 * {@link SafePathResolver}; the query string plays no part in it.
 *
 * <p>The list is the fixed roots (the web root) followed by the plugin jars' web folders, read
 * from {@link WebResources} on each request, so a jar deployed or removed while the server runs
 * brings or takes its files at once. The combined list is rebuilt only when that snapshot changes.
 */
final class StaticFileHandler implements Handler {
    static final String INDEX = "index.html";

    /** The plugin folders' snapshot and the roots built from it, swapped together. */
    private record Roots(List<WebResources.Folder> folders, List<ResourceRoot> all) {
    }

    private final List<ResourceRoot> fixed;
    private final WebResources web;
    private final StaticFilesOptions options;
    private final FileSender sender;
    private volatile Roots roots;

    StaticFileHandler(List<ResourceRoot> roots, StaticFilesOptions options) {
        this(roots, WebResources.none(), options);
    }

    StaticFileHandler(List<ResourceRoot> fixed, WebResources web, StaticFilesOptions options) {
        this.fixed = List.copyOf(fixed);
        this.web = web;
        this.options = options;
        this.sender = new FileSender(options,
                new FileCache(options.memoryCacheSize(), options.memoryCacheMaxFile()));
        this.roots = new Roots(List.of(), this.fixed);
    }

    @Override
    public void handle(Request req, Response res) throws IOException {
        res.header("X-Content-Type-Options", "nosniff");
        RequestPath path = SafePathResolver.parse(req.rawPath());
        Resource found = find(path);
        if (found == null) {
            throw notFound();
        }
        if (found.isFile()) {
            if (path.trailingSlash()) {
                throw notFound();                 // "/a.txt/" names a folder, and a.txt is none
            }
            sender.send(req, res, found, path.fileName());
            return;
        }
        if (!path.trailingSlash()) {
            String query = req.query();
            res.redirect(Status.MOVED_PERMANENTLY, path.encoded(true) + (query == null ? "" : "?" + query));
            return;
        }
        Resource index = found.root().child(found.path(), INDEX);
        if (index != null && index.isFile()) {
            sender.send(req, res, index, INDEX);
        } else if (options.listDirs()) {
            res.header("Cache-Control", "no-cache");
            res.html(DirectoryListing.render(found, path));
        } else {
            throw notFound();
        }
    }

    private Resource find(RequestPath path) {
        for (ResourceRoot root : currentRoots()) {
            Resource found = root.find(path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private List<ResourceRoot> currentRoots() {
        List<WebResources.Folder> folders = web.folders();
        Roots r = roots;
        if (r.folders() != folders) {
            // Two requests racing here build the same list; either result is right.
            List<ResourceRoot> all = new ArrayList<>(fixed);
            for (WebResources.Folder f : folders) {
                all.add(ResourceRoot.ofPlugin(f.path()));
            }
            r = new Roots(folders, List.copyOf(all));
            roots = r;
        }
        return r.all();
    }

    private static HttpException notFound() {
        return new HttpException(Status.NOT_FOUND, "Not Found");
    }
}
