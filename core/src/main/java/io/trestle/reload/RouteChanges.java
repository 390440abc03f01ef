package io.trestle.reload;

import io.trestle.routing.FilterEntry;
import io.trestle.routing.Origin;
import io.trestle.routing.RouteEntry;
import io.trestle.routing.RouteTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two route tables, as lines for the log: routes and filters added
 * ({@code +}) and removed ({@code -}). A route is the same when its method, pattern and source jar
 * are; a new version of a jar serving the same paths is therefore no change.
 *
 * <pre>{@code
 * RouteChanges changes = RouteChanges.between(before, after);
 * LOG.info("hello.jar replaced; route table {}", changes.describe(after));
 * }</pre>
 *
 * @param added   lines such as {@code + GET /hello/{name} com.acme.Hello (hello.jar)}
 * @param removed lines such as {@code - DELETE /notes/{id} com.acme.Notes#delete (hello.jar)}
 */
public record RouteChanges(List<String> added, List<String> removed) {

    public RouteChanges {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    /** The changes from {@code before} (may be {@code null}: everything is new) to {@code after}. */
    public static RouteChanges between(RouteTable before, RouteTable after) {
        Map<String, String> old = before == null ? Map.of() : rows(before);
        Map<String, String> now = rows(after);
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        now.forEach((key, line) -> {
            if (!old.containsKey(key)) {
                added.add("+ " + line);
            }
        });
        old.forEach((key, line) -> {
            if (!now.containsKey(key)) {
                removed.add("- " + line);
            }
        });
        return new RouteChanges(added, removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty();
    }

    /** One line per change, removals first. */
    @Override
    public String toString() {
        List<String> all = new ArrayList<>(removed);
        all.addAll(added);
        return String.join("\n", all);
    }

    /**
     * For a log message after "route table": {@code "unchanged (6 routes)"}, or {@code "changes:"}
     * and each change on a line of its own, indented.
     */
    public String describe(RouteTable after) {
        if (isEmpty()) {
            int n = after.routes().size();
            return "unchanged (" + n + (n == 1 ? " route)" : " routes)");
        }
        return "changes:\n  " + toString().replace("\n", "\n  ");
    }

    private static Map<String, String> rows(RouteTable table) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (RouteEntry e : table.routes()) {
            String key = e.method() + " " + e.pattern();
            rows.put(key + " " + e.origin().source(), key + " " + describe(e.origin()));
        }
        for (FilterEntry f : table.filters()) {
            String name = stableName(f.origin().name());
            String key = "FILTER " + f.pattern() + " " + name + " (order " + f.order() + ")";
            rows.put(key + " " + f.origin().source(), key + " (" + f.origin().source() + ")");
        }
        return rows;
    }

    private static String describe(Origin origin) {
        return stableName(origin.name()) + " (" + origin.source() + ")";
    }

    /** A lambda's class name without the address-like suffix that differs in every version of a jar. */
    static String stableName(String className) {
        int lambda = className.indexOf("$$Lambda");
        return lambda < 0 ? className : className.substring(0, lambda) + "$$Lambda";
    }
}
