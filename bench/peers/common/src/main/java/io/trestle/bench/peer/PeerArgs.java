package io.trestle.bench.peer;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two arguments every peer server takes: {@code PORT WWW_DIR}. The static files are served
 * from {@code WWW_DIR/static} under {@code /static/}, the same folder Trestle and nginx serve.
 */
public record PeerArgs(int port, Path www) {

    public static PeerArgs parse(String name, String[] args) {
        if (args.length != 2) {
            System.err.println("usage: java -jar " + name + ".jar PORT WWW_DIR");
            System.exit(2);
        }
        Path www = Path.of(args[1]).toAbsolutePath().normalize();
        if (!Files.isDirectory(www.resolve("static"))) {
            System.err.println(www.resolve("static") + " is not a folder (bench/run.sh creates it)");
            System.exit(2);
        }
        return new PeerArgs(Integer.parseInt(args[0]), www);
    }

    /** The folder behind {@code /static/}. */
    public Path staticDir() {
        return www.resolve("static");
    }

    /** The line the benchmark script waits for (it also polls the port). */
    public void listening(String server) {
        System.out.println(server + " listening on http://127.0.0.1:" + port);
    }
}
