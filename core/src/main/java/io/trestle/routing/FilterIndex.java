package io.trestle.routing;

import io.trestle.Filter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The filters in run order (order, then registration) with their compiled patterns. Most
 * applications' filters apply to every path, so the common answers are shared arrays: all
 * filters, or none; only a partial match builds a new array.
 */
final class FilterIndex {
    private static final Filter[] NONE = new Filter[0];
    /** A class, not Comparator.comparingInt: no lambda and method handles to spin at start-up. */
    private static final Comparator<FilterEntry> BY_ORDER = new Comparator<>() {
        @Override
        public int compare(FilterEntry a, FilterEntry b) {
            return Integer.compare(a.order(), b.order());
        }
    };

    private final List<FilterEntry> entries;
    private final PathPattern[] patterns;
    private final Filter[] all;
    /** Whether every filter applies to every path, so no pattern needs testing. */
    private final boolean everyPath;

    FilterIndex(List<FilterEntry> registered) {
        List<FilterEntry> sorted = new ArrayList<>(registered);
        sorted.sort(BY_ORDER); // stable: ties keep registration order
        entries = List.copyOf(sorted);
        patterns = new PathPattern[sorted.size()];
        all = new Filter[sorted.size()];
        boolean every = true;
        for (int i = 0; i < all.length; i++) {
            patterns[i] = PathPattern.parse(sorted.get(i).pattern());
            all[i] = sorted.get(i).filter();
            every &= patterns[i].canonical().equals("/{...}");
        }
        everyPath = every;
    }

    List<FilterEntry> entries() {
        return entries;
    }

    Filter[] filtersFor(String path) {
        if (everyPath && !path.isEmpty() && path.charAt(0) == '/') {
            return all.length == 0 ? NONE : all;
        }
        int count = 0;
        for (PathPattern p : patterns) {
            if (p.matches(path)) {
                count++;
            }
        }
        if (count == 0) {
            return NONE;
        }
        if (count == all.length) {
            return all;
        }
        Filter[] selected = new Filter[count];
        int n = 0;
        for (int i = 0; i < patterns.length; i++) {
            if (patterns[i].matches(path)) {
                selected[n++] = all[i];
            }
        }
        return selected;
    }
}
