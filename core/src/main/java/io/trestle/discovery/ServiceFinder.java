package io.trestle.discovery;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ServiceLoader} lookups of one source. For a plugin jar the loader also sees the
 * application's {@code META-INF/services} files through its parent, so only providers the plugin
 * loader itself defined are kept: the application's providers are not found a second time.
 */
final class ServiceFinder {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceFinder.class);

    private ServiceFinder() {
    }

    /**
     * The provider classes listed for {@code type}, not yet instantiated, in the order the
     * service files list them.
     *
     * @param ownOnly keep only classes defined by {@code loader} (plugin jars)
     * @throws DiscoveryException when an entry names a missing or unsuitable class
     */
    static <T> List<ServiceLoader.Provider<T>> providers(Class<T> type, ClassLoader loader, boolean ownOnly)
            throws DiscoveryException {
        List<ServiceLoader.Provider<T>> found = new ArrayList<>();
        try {
            for (ServiceLoader.Provider<T> p : (Iterable<ServiceLoader.Provider<T>>) ServiceLoader.load(type, loader).stream()::iterator) {
                if (!ownOnly || p.type().getClassLoader() == loader) {
                    found.add(p);
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            String why = DiscoveryException.describe(e);
            // ServiceLoader starts its messages with the service's name; the file name already says it.
            if (why.startsWith(type.getName() + ": ")) {
                why = why.substring(type.getName().length() + 2);
            }
            throw new DiscoveryException("META-INF/services/" + type.getName() + ": " + why, e);
        }
        return found;
    }

    /** Instantiates each provider with its no-argument constructor (ServiceLoader's rule). */
    static <T> List<T> instances(Class<T> type, List<ServiceLoader.Provider<T>> providers) throws DiscoveryException {
        List<T> instances = new ArrayList<>(providers.size());
        for (ServiceLoader.Provider<T> p : providers) {
            try {
                instances.add(p.get());
            } catch (ServiceConfigurationError | LinkageError | RuntimeException e) {
                closeAll(instances);
                throw new DiscoveryException(type.getSimpleName() + " " + p.type().getName() + " could not be created: "
                        + DiscoveryException.describe(e.getCause() != null ? e.getCause() : e), e);
            }
        }
        return instances;
    }

    /** Closes those of {@code objects} that are closeable (after a failure part-way), logging errors. */
    static void closeAll(List<?> objects) {
        for (Object o : objects) {
            if (o instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception | LinkageError e) {
                    LOG.warn("{} failed to close: {}", o.getClass().getName(), DiscoveryException.describe(e));
                }
            }
        }
    }
}
