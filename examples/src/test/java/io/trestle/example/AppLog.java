package io.trestle.example;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/** Reading the packaged app's log in the tests that run it as a process: where it listens. */
public final class AppLog {
    private static final String LISTENING = "listening on ";

    private AppLog() {
    }

    /** The address a {@code listening on ...} line names, or null for any other line. */
    public static URI listeningAddress(String line) {
        int i = line.indexOf(LISTENING);
        return i < 0 ? null : URI.create(line.substring(i + LISTENING.length()).trim());
    }

    /** Echoes the log (prefixed {@code app> }) until the app says where it listens; fails if it ends first. */
    public static URI awaitListening(BufferedReader log) {
        try {
            for (String line; (line = log.readLine()) != null; ) {
                System.out.println("app> " + line);
                URI uri = listeningAddress(line);
                if (uri != null) {
                    return uri;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("the app ended without listening");
    }
}
