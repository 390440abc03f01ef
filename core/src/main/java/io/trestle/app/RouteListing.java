package io.trestle.app;

import io.trestle.routing.FilterEntry;
import io.trestle.routing.RouteEntry;
import io.trestle.routing.RouteTable;

/** The route table as aligned text: method, path, handler, the jar it came from. */
public final class RouteListing {
    private RouteListing() {
    }

    public static String format(RouteTable table) {
        int m = "METHOD".length();
        int p = "PATH".length();
        int h = "HANDLER".length();
        for (RouteEntry e : table.routes()) {
            m = Math.max(m, e.method().name().length());
            p = Math.max(p, e.pattern().length());
            h = Math.max(h, e.origin().name().length());
        }
        StringBuilder sb = new StringBuilder();
        row(sb, m, p, h, "METHOD", "PATH", "HANDLER", "SOURCE");
        for (RouteEntry e : table.routes()) {
            row(sb, m, p, h, e.method().name(), e.pattern(), e.origin().name(), e.origin().source());
        }
        for (FilterEntry f : table.filters()) {
            row(sb, m, p, h, "FILTER", f.pattern(), f.origin().name() + " (order " + f.order() + ")", f.origin().source());
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
