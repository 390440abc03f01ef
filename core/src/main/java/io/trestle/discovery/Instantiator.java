package io.trestle.discovery;

import io.trestle.Config;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Creates the objects of handler and {@code @Route} classes: with the public constructor taking
 * {@link Config} when there is one, else the public no-argument constructor. Runs at start-up
 * (and reload) only, so reflection is fine here.
 */
final class Instantiator {

    private Instantiator() {
    }

    /** @throws DiscoveryException naming the class and what is wrong with it */
    static Object instantiate(Class<?> type, Config config) throws DiscoveryException {
        String name = type.getName();
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            throw new DiscoveryException(name + " is abstract and cannot be instantiated");
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            throw new DiscoveryException(name + " must be public to be instantiated");
        }
        if (type.isMemberClass() && !Modifier.isStatic(type.getModifiers())) {
            throw new DiscoveryException(name + " is an inner class; make it static to be instantiated");
        }
        Constructor<?> ctor = publicConstructor(type, Config.class);
        Object[] args = {config};
        if (ctor == null) {
            ctor = publicConstructor(type);
            args = new Object[0];
        }
        if (ctor == null) {
            throw new DiscoveryException(name + " needs a public constructor taking io.trestle.Config or no arguments");
        }
        try {
            return ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new DiscoveryException("the constructor of " + name + " failed: " + DiscoveryException.describe(e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new DiscoveryException("cannot instantiate " + name + ": " + DiscoveryException.describe(e), e);
        }
    }

    private static Constructor<?> publicConstructor(Class<?> type, Class<?>... parameterTypes) {
        try {
            return type.getConstructor(parameterTypes);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
