package io.trestle.example;

/**
 * The jar's entry point, compiled for Java 8 so that an old {@code java} prints what to install
 * instead of an {@code UnsupportedClassVersionError}. Everything else needs Java 21.
 */
public final class Main {
    private static final int REQUIRED = 21;

    private Main() {
    }

    /**
     * "1.8.0" -> "8", "21.0.2" -> "21", "25" -> "25". Without a regex: compiling one here was the
     * first use of java.util.regex in the process, ~10 ms before anything else needed it.
     */
    static String majorPart(String spec) {
        String rest = spec.startsWith("1.") ? spec.substring(2) : spec;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    public static void main(String[] args) {
        String spec = System.getProperty("java.specification.version", "0");
        int major = Integer.parseInt(majorPart(spec));
        if (major < REQUIRED) {
            System.err.println("trestle-example needs Java " + REQUIRED + " or newer, but this is Java " + spec
                    + " (" + System.getProperty("java.home") + "). Install a JDK " + REQUIRED
                    + "+ (e.g. apt-get install openjdk-21-jdk) or start it with bin/trestle, which finds one.");
            System.exit(1);
        }
        // A plain call: the JVM resolves ExampleApp (Java 21 bytecode) only when this line runs, so
        // an old JVM never gets here. Reflection would cost 11 classes spun at start-up (~15 ms).
        ExampleApp.main(args);
    }
}
