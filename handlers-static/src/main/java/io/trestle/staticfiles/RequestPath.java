package io.trestle.staticfiles;

import java.util.List;

/**
 * A request path that {@link SafePathResolver} has decoded and checked: plain file-name segments
 * (no {@code .}, {@code ..}, slashes, backslashes or control characters), relative to a root.
 *
 * @param segments      the decoded names, outermost first; empty for the root
 * @param trailingSlash whether the path ended with {@code /} (a directory was asked for)
 */
record RequestPath(List<String> segments, boolean trailingSlash) {

    RequestPath {
        segments = List.copyOf(segments);
    }

    boolean isRoot() {
        return segments.isEmpty();
    }

    /** The last segment, or an empty string for the root. */
    String fileName() {
        return segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    }

    /** The path percent-encoded again, with a leading slash and the trailing slash as asked. */
    String encoded(boolean withTrailingSlash) {
        StringBuilder sb = new StringBuilder(64);
        for (String segment : segments) {
            sb.append('/');
            PathEncoding.encodeSegment(segment, sb);
        }
        if (withTrailingSlash || segments.isEmpty()) {
            sb.append('/');
        }
        return sb.toString();
    }

    /** The segments joined by {@code /}, for display and logs. */
    String display() {
        return "/" + String.join("/", segments) + (trailingSlash && !segments.isEmpty() ? "/" : "");
    }
}
