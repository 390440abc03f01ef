package io.trestle;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The web files plugin jars bring: each jar's {@code META-INF/resources/}, unpacked into a folder
 * of its own when the jar is loaded. A module that serves files (trestle-static) looks in the web
 * root first, then in {@link #folders()}, so a plugin's {@code META-INF/resources/app/index.html}
 * answers {@code GET /app/index.html} unless the web root has that file too.
 *
 * <p>Discovery fills it, and replaces the whole list when a plugin jar is added, replaced or
 * removed while the server runs; a reader takes {@link #folders()} once per request and gets an
 * immutable snapshot. A plugin receives the application's instance by implementing {@link Aware}:
 *
 * <pre>{@code
 * public final class FilesPlugin implements Plugin, WebResources.Aware {
 *     private volatile WebResources web = WebResources.none();
 *
 *     public void webResources(WebResources resources) { web = resources; }   // before install
 *
 *     public void install(Routes routes, Config config) {
 *         routes.get("/files/{path...}", (req, res) -> {
 *             for (WebResources.Folder f : web.folders()) { ... f.path().resolve(...) ... }
 *         });
 *     }
 * }
 * }</pre>
 */
public final class WebResources {

    /**
     * One plugin jar's web files.
     *
     * @param source the jar's file name, for logs
     * @param path   the folder the files were unpacked into (removed when the jar is unloaded)
     */
    public record Folder(String source, Path path) {
        public Folder {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Implemented by a {@link Plugin} that serves web files: discovery hands it the application's
     * {@link WebResources} before calling {@link Plugin#install}.
     */
    public interface Aware {
        void webResources(WebResources resources);
    }

    private volatile List<Folder> folders = List.of();

    /** An empty registry, for a server built without discovery. */
    public static WebResources none() {
        return new WebResources();
    }

    /** The folders to look in after the web root, in order (plugin jars by file name). */
    public List<Folder> folders() {
        return folders;
    }

    /** Replaces the whole list at once; called by discovery as plugin jars come and go. */
    public void replace(List<Folder> next) {
        this.folders = List.copyOf(next);
    }

    @Override
    public String toString() {
        return "WebResources" + folders;
    }
}
