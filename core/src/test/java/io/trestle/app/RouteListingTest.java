package io.trestle.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.trestle.Filter;
import io.trestle.Handler;
import io.trestle.Request;
import io.trestle.Response;
import io.trestle.routing.RouteCollector;
import io.trestle.routing.RouteConflictException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table {@code routes} prints: every row's columns start where the header's do, FILTER rows too. */
class RouteListingTest {

    static final class Hi implements Handler {
        @Override
        public void handle(Request req, Response res) {
        }
    }

    static final class AQuiteLongFilterClassNameForTheListing implements Filter {
        @Override
        public void filter(Request req, Response res, Chain chain) throws Exception {
            chain.proceed();
        }
    }

    @Test
    void filterRowsLineUpWithTheRouteRows() throws RouteConflictException {
        RouteCollector routes = new RouteCollector().source("classpath");
        routes.get("/a", new Hi());
        routes.source("hello-plugin.jar");
        routes.filter("/a/much/longer/pattern/{rest...}", -300, new AQuiteLongFilterClassNameForTheListing());
        String table = RouteListing.format(routes.build());

        List<String> lines = table.lines().toList();
        assertEquals(3, lines.size(), table);
        List<Integer> header = columnStarts(lines.get(0));
        assertEquals(4, header.size(), table);
        for (String line : lines) {
            assertEquals(header, columnStarts(line), "columns of '" + line + "' in\n" + table);
        }
        assertEquals("FILTER", lines.get(2).substring(0, 6), table);
    }

    /** Where each cell starts: cells are separated by two spaces or more (a handler cell may hold single spaces). */
    private static List<Integer> columnStarts(String line) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 2; i < line.length(); i++) {
            if (line.charAt(i) != ' ' && line.charAt(i - 1) == ' ' && line.charAt(i - 2) == ' ') {
                starts.add(i);
            }
        }
        return starts;
    }
}
