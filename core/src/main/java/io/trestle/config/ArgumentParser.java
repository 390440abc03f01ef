package io.trestle.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits command-line arguments into flags and positionals. Which flags take a value is not
 * always known yet (plugins declare settings later), so the rule is purely lexical:
 * <ul>
 *   <li>{@code --name=value} always carries its value;</li>
 *   <li>{@code --name} takes the next argument as its value when that argument does not start
 *       with {@code --} and is not {@code -h}, unless {@code name} is a known switch or starts
 *       with {@code no-};</li>
 *   <li>{@code -h} is {@code --help};</li>
 *   <li>{@code --} ends the flags: every later argument is positional;</li>
 *   <li>anything else (including {@code -} and {@code -x}) is positional, kept in order.</li>
 * </ul>
 * A switch that swallowed a positional is reported when the settings are resolved.
 */
final class ArgumentParser {

    /** The flags in the order given, and the positionals in the order given. */
    record Parsed(List<Flag> flags, List<String> positionals) {
    }

    private final Set<String> switches;

    /** @param switches names known to be BOOLEAN settings: they never take a separate value */
    ArgumentParser(Set<String> switches) {
        this.switches = Set.copyOf(switches);
    }

    Parsed parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                throw new IllegalArgumentException("argument " + i + " is null");
            }
        }
        List<Flag> flags = new ArrayList<>();
        List<String> positionals = new ArrayList<>();
        int i = 0;
        while (i < args.length) {
            String arg = args[i++];
            if (arg.equals("--")) {
                while (i < args.length) {
                    positionals.add(args[i++]);
                }
            } else if (arg.equals("-h")) {
                flags.add(Flag.bare("-h", "help"));
            } else if (!arg.startsWith("--")) {
                positionals.add(arg);
            } else {
                int eq = arg.indexOf('=');
                if (eq >= 0) {
                    flags.add(new Flag(arg.substring(0, eq), arg.substring(2, eq), arg.substring(eq + 1), false));
                } else if (takesNextArgument(arg.substring(2)) && i < args.length && looksLikeValue(args[i])) {
                    flags.add(new Flag(arg, arg.substring(2), args[i++], true));
                } else {
                    flags.add(Flag.bare(arg, arg.substring(2)));
                }
            }
        }
        return new Parsed(List.copyOf(flags), List.copyOf(positionals));
    }

    private static boolean looksLikeValue(String arg) {
        return !arg.startsWith("--") && !arg.equals("-h");
    }

    private boolean takesNextArgument(String name) {
        return !switches.contains(name) && !name.startsWith("no-");
    }
}
