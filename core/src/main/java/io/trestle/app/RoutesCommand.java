package io.trestle.app;

/** The built-in {@code routes} command: prints the route table the app would serve, then exits. */
final class RoutesCommand {
    static final String NAME = "routes";
    static final String DESCRIPTION = "print the route table (method, path, handler, source jar) and exit";

    private RoutesCommand() {
    }
}
