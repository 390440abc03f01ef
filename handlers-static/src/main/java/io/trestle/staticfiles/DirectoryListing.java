package io.trestle.staticfiles;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The HTML page listing a directory (only with {@code --list-dirs}). Every name is HTML-escaped in
 * the text and percent-encoded in the link, so a file called {@code <script>.txt} is shown, not run.
 * Dot-files and entries that may not be served (a link out of the root, a socket) are left out.
 */
final class DirectoryListing {
    /** A bound on the page size for huge folders. */
    static final int MAX_ENTRIES = 10_000;

    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    /** A listed name (a link's own name, not its target's) and what it leads to. */
    private record Entry(String name, Resource resource) {
    }

    private DirectoryListing() {
    }

    /** The listing of {@code dir}, which was asked for as {@code path}. */
    static String render(Resource dir, RequestPath path) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int skipped = 0;
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir.path())) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (name.startsWith(".")) {
                    continue;
                }
                Resource target = dir.root().child(dir.path(), name);
                if (target == null) {
                    continue;
                }
                if (entries.size() < MAX_ENTRIES) {
                    entries.add(new Entry(name, target));
                } else {
                    skipped++;
                }
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.resource().isDirectory())
                .thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER));
        String title = PathEncoding.escapeHtml("Index of " + path.display());
        StringBuilder html = new StringBuilder(512 + entries.size() * 160);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(title).append("</title>")
                .append("<style>body{font-family:system-ui,sans-serif;margin:2em}")
                .append("td{padding:.2em 1.5em .2em 0}td.n{text-align:right}</style></head>\n<body><h1>")
                .append(title).append("</h1>\n<table>\n");
        if (!path.isRoot()) {
            html.append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>\n");
        }
        for (Entry entry : entries) {
            row(html, entry);
        }
        html.append("</table>\n");
        if (skipped > 0) {
            html.append("<p>").append(skipped).append(" more entries not shown.</p>\n");
        }
        return html.append("</body></html>\n").toString();
    }

    private static void row(StringBuilder html, Entry listed) {
        String name = listed.name();
        Resource entry = listed.resource();
        String suffix = entry.isDirectory() ? "/" : "";
        html.append("<tr><td><a href=\"")
                .append(PathEncoding.escapeHtml(PathEncoding.encodeSegment(name))).append(suffix).append("\">")
                .append(PathEncoding.escapeHtml(name)).append(suffix).append("</a></td><td class=\"n\">")
                .append(entry.isDirectory() ? "-" : Long.toString(entry.size())).append("</td><td>")
                .append(DATE.format(Instant.ofEpochSecond(entry.lastModifiedSeconds())))
                .append("</td></tr>\n");
    }
}
