package io.trestle.reload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.trestle.Handler;
import io.trestle.routing.RouteCollector;
import io.trestle.routing.RouteTable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RouteChangesTest {
    private static final Handler OK = (req, res) -> res.text("ok");

    @Test
    void addedAndRemovedRoutesWithTheirSource() throws Exception {
        RouteTable before = new RouteCollector().source("a.jar").get("/a", OK).get("/both", OK).build();
        RouteTable after = new RouteCollector().source("a.jar").get("/both", OK).source("b.jar").post("/b", OK).build();
        RouteChanges changes = RouteChanges.between(before, after);
        assertEquals(1, changes.added().size());
        assertTrue(changes.added().get(0).startsWith("+ POST /b "), changes.toString());
        assertTrue(changes.added().get(0).endsWith("(b.jar)"), changes.toString());
        assertEquals(1, changes.removed().size());
        assertTrue(changes.removed().get(0).startsWith("- GET /a "), changes.toString());
        assertEquals(changes.removed().get(0) + "\n" + changes.added().get(0), changes.toString(), "removals first");
    }

    @Test
    void aNewVersionOnTheSamePathsIsNoChangeEvenWithOtherLambdas() throws Exception {
        Handler first = (req, res) -> res.text("1");
        Handler second = (req, res) -> res.text("2");
        RouteTable v1 = new RouteCollector().source("a.jar").get("/x", first).filter("/x", 0, (q, s, c) -> c.proceed()).build();
        RouteTable v2 = new RouteCollector().source("a.jar").get("/x", second).filter("/x", 0, (q, s, c) -> c.proceed()).build();
        assertTrue(RouteChanges.between(v1, v2).isEmpty(), RouteChanges.between(v1, v2).toString());
    }

    @Test
    void describedForTheLogOneIndentedLinePerChange() throws Exception {
        RouteTable before = new RouteCollector().source("a.jar").get("/a", OK).build();
        RouteTable after = new RouteCollector().source("a.jar").get("/b", OK).build();
        String text = RouteChanges.between(before, after).describe(after);
        assertTrue(text.matches("changes:\\n  - GET /a .*\\(a\\.jar\\)\\n  \\+ GET /b .*\\(a\\.jar\\)"), text);
        assertEquals("unchanged (1 route)", RouteChanges.between(after, after).describe(after));
    }

    @Test
    void fromNothingEverythingIsAdded() throws Exception {
        RouteTable t = new RouteCollector().source("a.jar").get("/x", OK).delete("/x", OK).build();
        assertEquals(2, RouteChanges.between(null, t).added().size());
        assertEquals(List.of(), RouteChanges.between(null, t).removed());
    }

    @ParameterizedTest
    @CsvSource({
        "com.acme.Plugin$$Lambda/0x000000004b350af8, com.acme.Plugin$$Lambda",
        "com.acme.Plugin$$Lambda$14/0x1234, com.acme.Plugin$$Lambda",
        "com.acme.Hello, com.acme.Hello",
        "com.acme.Api#list, com.acme.Api#list"
    })
    void lambdaNamesLoseTheirAddress(String name, String stable) {
        assertEquals(stable, RouteChanges.stableName(name));
    }
}
