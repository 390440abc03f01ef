package io.trestle.staticfiles;

import io.trestle.Handler;
import io.trestle.HttpException;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.Status;
import java.io.IOException;
import java.util.List;

/**
 * Serves GET and HEAD from an ordered list of {@link ResourceRoot}s (the first that has the path
 * wins): files, {@code index.html} of directories, a redirect to the slash form of a directory
 * path, and optionally a listing. The lookup uses the raw request path, checked by
 * {@link SafePathResolver}; the query string plays no part in it.
 */
final class StaticFileHandler implements Handler {
    static final String INDEX = "index.html";

    private final List<ResourceRoot> roots;
    private final StaticFilesOptions options;
    private final FileSender sender;

    StaticFileHandler(List<ResourceRoot> roots, StaticFilesOptions options) {
        this.roots = List.copyOf(roots);
        this.options = options;
        this.sender = new FileSender(options,
                new FileCache(options.memoryCacheSize(), options.memoryCacheMaxFile()));
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
        for (ResourceRoot root : roots) {
            Resource found = root.find(path);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static HttpException notFound() {
        return new HttpException(Status.NOT_FOUND, "Not Found");
    }
}
