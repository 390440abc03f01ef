package io.trestle.app;

import io.trestle.routing.FilterEntry;
import io.trestle.routing.RouteEntry;
import io.trestle.routing.RouteTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The route table as aligned text: method, path, handler, the jar it came from; then the filters,
 * as {@code FILTER} rows in the same columns.
 *
 * <pre>{@code
 * System.out.print(RouteListing.format(table));
 * // METHOD  PATH          HANDLER                                      SOURCE
 * // GET     /api/health   io.trestle.example.Health                    classpath
 * // FILTER  /{path...}    io.trestle.login.SessionFilter (order -200)  classpath
 * }</pre>
 */
public final class RouteListing {
    private RouteListing() {
    }

    public static String format(RouteTable table) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"METHOD", "PATH", "HANDLER", "SOURCE"});
        for (RouteEntry e : table.routes()) {
            rows.add(new String[] {e.method().name(), e.pattern(), e.origin().name(), e.origin().source()});
        }
        for (FilterEntry f : table.filters()) {
            rows.add(new String[] {"FILTER", f.pattern(), f.origin().name() + " (order " + f.order() + ")", f.origin().source()});
        }
        // Every row counts for the widths, the filters' too, so all columns line up.
        int m = 0;
        int p = 0;
        int h = 0;
        for (String[] r : rows) {
            m = Math.max(m, r[0].length());
            p = Math.max(p, r[1].length());
            h = Math.max(h, r[2].length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            row(sb, m, p, h, r[0], r[1], r[2], r[3]);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, int m, int p, int h, String a, String b, String c, String d) {
        sb.append(pad(a, m)).append("  ").append(pad(b, p)).append("  ").append(pad(c, h)).append("  ").append(d).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
