package io.trestle.routing;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A segment trie over all route patterns, built once. Finding the most specific pattern for a
 * path tries, at each segment, the literal child first, then the parameter child, then a rest
 * pattern ending here, backtracking when a branch fails further right. A node sits at a fixed
 * segment depth, so each node is visited at most once per lookup: the cost is bounded by the
 * trie size however the path looks, and no substring is made.
 */
final class RouteTrie {
    private final Node root;

    private RouteTrie(Node root) {
        this.root = root;
    }

    static RouteTrie of(Collection<PatternRoutes> patterns) {
        Draft root = new Draft();
        for (PatternRoutes routes : patterns) {
            PathPattern p = routes.pattern();
            Draft node = root;
            for (int i = 0; i < p.segmentCount(); i++) {
                switch (p.kind(i)) {
                    case LITERAL -> node = node.literal(p.literal(i));
                    case PARAM -> node = node.param == null ? (node.param = new Draft()) : node.param;
                    case REST -> node.rest = routes;
                }
            }
            if (!p.hasRest()) {
                node.exact = routes;
            }
        }
        return new RouteTrie(root.freeze());
    }

    /** The routes of the most specific pattern matching the decoded {@code path}, or null. */
    PatternRoutes find(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') {
            return null;
        }
        return find(root, path, 0);
    }

    /** {@code pos} is the index of the '/' starting the next segment, or the path's length. */
    private static PatternRoutes find(Node node, String path, int pos) {
        if (pos == path.length()) {
            return node.exact != null ? node.exact : node.rest;
        }
        int start = pos + 1;
        int end = PathPattern.segmentEnd(path, start);
        if (node.literals != null) {
            Node child = node.literals.get(path, start, end);
            if (child != null) {
                PatternRoutes found = find(child, path, end);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.param != null && end > start) {
            PatternRoutes found = find(node.param, path, end);
            if (found != null) {
                return found;
            }
        }
        return node.rest;
    }

    private record Node(SegmentMap<Node> literals, Node param, PatternRoutes exact, PatternRoutes rest) {
    }

    /** A mutable node while the trie is being built. */
    private static final class Draft {
        final Map<String, Draft> literals = new LinkedHashMap<>();
        Draft param;
        PatternRoutes exact;
        PatternRoutes rest;

        /** The child for a literal segment, made on first use. */
        Draft literal(String text) {
            Draft child = literals.get(text);
            if (child == null) {
                child = new Draft();
                literals.put(text, child);
            }
            return child;
        }

        Node freeze() {
            SegmentMap<Node> frozen = null;
            if (!literals.isEmpty()) {
                Map<String, Node> children = new LinkedHashMap<>();
                for (Map.Entry<String, Draft> child : literals.entrySet()) {
                    children.put(child.getKey(), child.getValue().freeze());
                }
                frozen = new SegmentMap<>(children);
            }
            return new Node(frozen, param == null ? null : param.freeze(), exact, rest);
        }
    }
}
