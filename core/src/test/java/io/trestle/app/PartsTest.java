package io.trestle.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsTest {
    private final List<String> events = new ArrayList<>();
    private final Parts parts = new Parts();

    private String add(String name) {
        return parts.start(name, () -> {
            events.add("start " + name);
            return name;
        }, n -> events.add("close " + n));
    }

    @Test
    void startsInOrderAndClosesInReverse() {
        assertEquals("deployment", add("deployment"));
        add("server");
        add("watcher");
        assertEquals(List.of("deployment", "server", "watcher"), parts.names());

        parts.close();
        parts.close(); // a second close does nothing

        assertEquals(List.of("start deployment", "start server", "start watcher",
                "close watcher", "close server", "close deployment"), events);
        assertEquals(List.of(), parts.names());
    }

    @Test
    void aFailingCloseDoesNotStopTheOthersAndIsThrownAtTheEnd() {
        add("first");
        IllegalStateException boom = new IllegalStateException("boom");
        parts.start("second", () -> "second", p -> {
            events.add("close second");
            throw boom;
        });
        parts.start("third", () -> "third", p -> {
            events.add("close third");
            throw new IOException("disk");
        });
        add("fourth");

        RuntimeException thrown = assertThrows(RuntimeException.class, parts::close);

        assertEquals(List.of("start first", "start fourth", "close fourth", "close third", "close second",
                "close first"), events);
        // the first failure met while closing is thrown, the later ones ride along
        IllegalStateException wrapped = assertThrows(IllegalStateException.class, () -> { throw thrown; });
        assertEquals(IOException.class, wrapped.getCause().getClass());
        assertEquals(1, wrapped.getCause().getSuppressed().length);
        assertSame(boom, wrapped.getCause().getSuppressed()[0]);
    }

    @Test
    void aPartThatFailsToStartIsNotClosedAndOffPartsAreSkipped() {
        add("deployment");
        assertThrows(IOException.class, () -> parts.start("tls", () -> { throw new IOException("no keystore"); },
                p -> events.add("close tls")));
        assertNull(parts.<String, RuntimeException>start("watcher", () -> null, p -> events.add("close watcher")));

        parts.close();

        assertArrayEquals(new String[] {"start deployment", "close deployment"}, events.toArray());
        assertThrows(IllegalStateException.class, () -> add("late"));
    }
}
