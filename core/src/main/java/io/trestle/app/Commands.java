package io.trestle.app;

import io.trestle.Command;
import io.trestle.Setting;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sub-commands given in code and those found through {@code META-INF/services/io.trestle.Command}. */
final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final TreeMap<String, Command> byName;

    private Commands(TreeMap<String, Command> byName) {
        this.byName = byName;
    }

    /** {@code given} first: one of them wins over a found command of the same name. */
    static Commands load(List<Command> given, ClassLoader loader) {
        TreeMap<String, Command> byName = new TreeMap<>();
        for (Command c : given) {
            if (byName.putIfAbsent(c.name(), c) != null) {
                throw new IllegalArgumentException("two commands named '" + c.name() + "'");
            }
        }
        var it = ServiceLoader.load(Command.class, loader).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                Command c = it.next();
                Command old = byName.putIfAbsent(c.name(), c);
                if (old != null && old.getClass() != c.getClass() && !given.contains(old)) {
                    LOG.warn("two commands named '{}': {} and {}; using the first", c.name(),
                            old.getClass().getName(), c.getClass().getName());
                }
            } catch (ServiceConfigurationError e) {
                LOG.warn("a command could not be loaded: {}", e.getMessage());
            }
        }
        return new Commands(byName);
    }

    Command get(String name) {
        return byName.get(name);
    }

    String names() {
        List<String> names = new ArrayList<>(byName.keySet());
        names.add(0, RoutesCommand.NAME);
        return String.join(", ", names);
    }

    List<Setting> settings() {
        List<Setting> all = new ArrayList<>();
        for (Command c : byName.values()) {
            all.addAll(c.settings());
        }
        return all;
    }
}
