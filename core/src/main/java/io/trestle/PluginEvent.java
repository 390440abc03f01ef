package io.trestle;

import java.util.List;

/**
 * A plugin jar in the plugins folder was deployed, swapped, removed or refused.
 *
 * <pre>{@code
 * public void pluginChanged(PluginEvent e) {
 *     log.info("{} {}: +{} -{}", e.jar(), e.kind(), e.routesAdded(), e.routesRemoved());
 * }
 * }</pre>
 *
 * @param kind          what happened
 * @param jar           the jar's file name ({@code hello-plugin.jar})
 * @param routesAdded   the routes and filters the change added, one line each
 *                      ({@code GET /hello/{name} com.example.Hello (hello-plugin.jar)}); empty when refused
 * @param routesRemoved the routes and filters it removed
 * @param reason        why it was refused, or {@code null}
 */
public record PluginEvent(Kind kind, String jar, List<String> routesAdded, List<String> routesRemoved, String reason) {

    public PluginEvent {
        routesAdded = List.copyOf(routesAdded);
        routesRemoved = List.copyOf(routesRemoved);
    }

    /** What happened to the jar. */
    public enum Kind {
        /** A new jar went into service. */
        DEPLOYED,
        /** A changed jar replaced the version in service. */
        SWAPPED,
        /** The jar was deleted and its routes left service. */
        REMOVED,
        /** The jar could not be loaded or installed; what served before keeps serving. */
        REFUSED
    }
}
