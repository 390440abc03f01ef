package io.trestle.example.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The connection states of one slowhttptest run, second by second, from its {@code -g} CSV
 * ({@code Seconds,Closed,Pending,Connected,Service Available}): how many connections the attack
 * held and when the server let them go.
 */
record SlowRun(List<Row> rows, boolean endedWithNoConnectionLeft) {
    /** One second of the run: connections closed (by either side), pending, connected. */
    record Row(int second, int closed, int pending, int connected, boolean serviceAvailable) {
    }

    /**
     * Reads {@code csv}; {@code output} is slowhttptest's console output, whose exit status says
     * whether the run ended because no connection was left open (the CSV's last second may still
     * count the connections closed during it).
     */
    static SlowRun parse(Path csv, String output) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.ISO_8859_1);
        if (lines.isEmpty()) {
            throw new AssertionError("slowhttptest wrote an empty " + csv);
        }
        List<String> header = Arrays.stream(lines.get(0).split(",")).map(String::strip).toList();
        int second = column(header, "Seconds", csv);
        int closed = column(header, "Closed", csv);
        int pending = column(header, "Pending", csv);
        int connected = column(header, "Connected", csv);
        int available = column(header, "Service Available", csv);
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",");
            rows.add(new Row(Integer.parseInt(f[second].strip()), Integer.parseInt(f[closed].strip()),
                    Integer.parseInt(f[pending].strip()), Integer.parseInt(f[connected].strip()),
                    Integer.parseInt(f[available].strip()) > 0)); // slowhttptest writes 0 when its probe failed
        }
        return new SlowRun(List.copyOf(rows), output.contains("No open connections left"));
    }

    /** The most connections held open at once. */
    int peak() {
        return rows.stream().mapToInt(Row::connected).max().orElse(0);
    }

    /** The first second at which at least 90% of the peak was connected. */
    int heldFrom() {
        int peak = peak();
        return rows.stream().filter(r -> r.connected() * 10 >= peak * 9).mapToInt(Row::second).findFirst().orElse(-1);
    }

    /**
     * The first second after {@link #heldFrom()} at which at most 10% of the peak was still
     * connected, i.e. the server had let nearly all of them go (the end of the run when it ended
     * for want of open connections); -1 when they were held until the time limit.
     */
    int releasedAt() {
        int peak = peak();
        int from = heldFrom();
        return rows.stream().filter(r -> r.second() > from && r.connected() * 10 <= peak)
                .mapToInt(Row::second).findFirst().orElse(endedWithNoConnectionLeft ? lastSecond() + 1 : -1);
    }

    /** The last second recorded (the run's length). */
    int lastSecond() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).second();
    }

    /** Connections still open in the last second recorded. */
    int connectedAtEnd() {
        return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).connected();
    }

    /** Seconds in which slowhttptest's own probe found the service unavailable. */
    long secondsUnavailable() {
        return rows.stream().filter(r -> !r.serviceAvailable()).count();
    }

    /** "held 1000 connections from second 5 to 23 (18 s)", or "... until the end (40 s)". */
    String summary() {
        int released = releasedAt();
        return "peak " + peak() + " connected; " + (released < 0
                ? "held from second " + heldFrom() + " until the run ended at second " + lastSecond()
                        + " (" + (lastSecond() - heldFrom()) + " s, " + connectedAtEnd() + " still open)"
                : "held from second " + heldFrom() + " until the server released them by second " + released
                        + " (" + (released - heldFrom()) + " s)")
                + "; slowhttptest's probe saw the service unavailable for " + secondsUnavailable() + " s";
    }

    private static int column(List<String> header, String name, Path csv) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new AssertionError("no column " + name + " in " + csv + ": " + header);
        }
        return i;
    }
}
