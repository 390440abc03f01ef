package io.trestle.example;

/**
 * The jar's entry point, compiled for Java 8 so that an old {@code java} prints what to install
 * instead of an {@code UnsupportedClassVersionError}. Everything else needs Java 21.
 */
public final class Main {
    private static final int REQUIRED = 21;

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        String spec = System.getProperty("java.specification.version", "0");
        int major = Integer.parseInt(spec.startsWith("1.") ? spec.substring(2) : spec.replaceAll("\\..*", ""));
        if (major < REQUIRED) {
            System.err.println("trestle-example needs Java " + REQUIRED + " or newer, but this is Java " + spec
                    + " (" + System.getProperty("java.home") + "). Install a JDK " + REQUIRED
                    + "+ (e.g. apt-get install openjdk-21-jdk) or start it with bin/trestle, which finds one.");
            System.exit(1);
        }
        try {
            Class.forName("io.trestle.example.ExampleApp").getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
