package io.trestle.example.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameContaining;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The rules of Trestle's architecture (issue 18), written against a root package so the same rule
 * runs on the real classes ({@code io.trestle}) and, in {@code ArchitectureRulesCanFailTest}, on a
 * small fixture that breaks it. The names below are relative to the root:
 *
 * <ul>
 *   <li>API packages: the root itself (core), {@code staticfiles}, {@code login}, {@code testing};
 *   <li>implementation: every other package under the root ({@code server}, {@code http1},
 *       {@code login.redis}, a future {@code internal}, ...);
 *   <li>routing: {@code routing..}; the wire: {@code http1..} and {@code server..}.
 * </ul>
 */
final class ArchitectureRules {
    private final String root;

    ArchitectureRules(String root) {
        this.root = root;
    }

    String[] apiPackages() {
        return new String[] {root, root + ".staticfiles", root + ".login", root + ".testing"};
    }

    /** Classes under the root outside the API packages. */
    DescribedPredicate<JavaClass> implementation() {
        return resideInAPackage(root + "..").and(not(resideInAnyPackage(apiPackages())))
                .as("are implementation classes (under " + root + " but outside the API packages)");
    }

    ArchRule apiImportsNoImplementation() {
        return noClasses().that().resideInAnyPackage(apiPackages())
                .should().dependOnClassesThat(implementation())
                .because("the API packages are what users compile against: an implementation class in an API"
                        + " signature or body ties every user to it, and it could then never change");
    }

    ArchRule staticFilesUseOnlyTheApi() {
        return handlerUsesOnlyTheApi("staticfiles", "the static-files module");
    }

    /** The login module's own library, Jedis (its Redis stores), is its business, not Trestle's. */
    ArchRule loginUsesOnlyTheApi() {
        return handlerUsesOnlyTheApi("login", "the login module", "redis.clients..");
    }

    private ArchRule handlerUsesOnlyTheApi(String module, String what, String... ownLibraries) {
        List<String> allowed = new ArrayList<>(List.of(
                root, root + "." + module + "..", "java..", "javax..", "org.slf4j..", "com.fasterxml.jackson.."));
        allowed.addAll(List.of(ownLibraries));
        return classes().that().resideInAPackage(root + "." + module + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(allowed.toArray(String[]::new))
                .because(what + " is built the way a plugin is: on the API of " + root
                        + " (plus SLF4J and Jackson), so whatever it does a third-party plugin can do too,"
                        + " and the implementation can change under it");
    }

    ArchRule exampleUsesOnlyTheApi() {
        return classes().that().resideInAPackage(root + ".example..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root, root + ".staticfiles", root + ".login", root + ".example..",
                        "java..", "javax..", "org.slf4j..", "com.fasterxml.jackson..", "ch.qos.logback..")
                .because("the example app is what users copy: it shows the API and the logging they can use,"
                        + " not implementation classes they must not import");
    }

    /** java.net sockets, NIO channels, TLS sockets and the wire's connection classes. */
    DescribedPredicate<JavaClass> socketClasses() {
        return resideInAnyPackage("java.nio.channels..", "javax.net..")
                .or(resideInAPackage("java.net").and(simpleNameContaining("Socket")))
                .or(resideInAPackage(root + ".http1..").and(simpleNameContaining("Connection")))
                .as("are sockets, channels or connection classes");
    }

    ArchRule routingKnowsNoSockets() {
        return noClasses().that().resideInAPackage(root + ".routing..")
                .should().dependOnClassesThat(socketClasses())
                .because("routing maps a request to a handler; it must work the same over HTTP/1.1, a future"
                        + " HTTP/2 or a test's in-memory exchange, so it never sees how the bytes arrived");
    }

    ArchRule wireLoadsNoClasses() {
        DescribedPredicate<JavaClass> loading = assignableTo(ClassLoader.class)
                .or(type(ServiceLoader.class))
                .or(resideInAPackage("io.github.classgraph.."))
                .as("are class loaders, ServiceLoader or ClassGraph");
        DescribedPredicate<JavaMethodCall> forName = DescribedPredicate.describe("Class.forName",
                call -> call.getTargetOwner().isEquivalentTo(Class.class) && call.getName().equals("forName"));
        return noClasses().that().resideInAnyPackage(root + ".http1..", root + ".server..")
                .should().dependOnClassesThat(loading)
                .orShould().callMethodWhere(forName)
                .because("the wire (parsing, connections, dispatch) runs per request and trusts nothing it"
                        + " reads; finding and loading code is discovery's and the plugin loader's job, done"
                        + " at start and on a swap");
    }

    ArchRule noPackageCycles() {
        return SlicesRuleDefinition.slices().assignedFrom(new PackageSlices(root))
                .should().beFreeOfCycles()
                .because("a cycle makes two packages one unit: neither can be understood, tested, sealed or"
                        + " moved to its own module without the other");
    }

    /** One slice per package under the root (the root included), sub-packages apart. */
    private record PackageSlices(String root) implements SliceAssignment {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.equals(root) || pkg.startsWith(root + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages under " + root;
        }
    }
}
