package io.trestle.example.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationLineMatcher;

/**
 * Trestle's architecture rules, checked on the main classes of every module: this module's test
 * class path holds trestle-core, trestle-testing, trestle-static, trestle-login and the example app.
 *
 * <p>Each rule is frozen: the violations that existed when it was written are recorded in
 * {@code src/test/archunit_store} (see {@code archunit.properties}); a new violation fails the
 * build, and a fixed one is dropped from the store by the run that no longer finds it (commit
 * that change). The store is never created or extended silently: {@code allowStoreCreation} and
 * {@code refreeze} are off. See "Rules the build checks" in docs/architecture.md.
 */
@AnalyzeClasses(packages = "io.trestle",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.DoNotIncludeTestJars.class})
class ArchitectureTest {
    static final ArchitectureRules RULES = new ArchitectureRules("io.trestle");

    @ArchTest
    static final ArchRule apiImportsNoImplementation = FreezingArchRule.freeze(RULES.apiImportsNoImplementation());

    @ArchTest
    static final ArchRule staticFilesUseOnlyTheApi = FreezingArchRule.freeze(RULES.staticFilesUseOnlyTheApi());

    @ArchTest
    static final ArchRule loginUsesOnlyTheApi = FreezingArchRule.freeze(RULES.loginUsesOnlyTheApi());

    @ArchTest
    static final ArchRule exampleUsesOnlyTheApi = FreezingArchRule.freeze(RULES.exampleUsesOnlyTheApi());

    @ArchTest
    static final ArchRule routingKnowsNoSockets = FreezingArchRule.freeze(RULES.routingKnowsNoSockets());

    @ArchTest
    static final ArchRule wireLoadsNoClasses = FreezingArchRule.freeze(RULES.wireLoadsNoClasses());

    @ArchTest
    static final ArchRule noPackageCycles =
            FreezingArchRule.freeze(RULES.noPackageCycles()).associateViolationLinesVia(new SameCycle());

    /**
     * A cycle is known when it runs through the same packages: its report also lists up to 20
     * class dependencies per edge, and a new call along a recorded cycle is not a new cycle.
     * (The other rules keep ArchUnit's matcher: the same violation, line numbers aside.)
     */
    static final class SameCycle implements ViolationLineMatcher {
        @Override
        public boolean matches(String lineFromFirstViolation, String lineFromSecondViolation) {
            return path(lineFromFirstViolation).equals(path(lineFromSecondViolation));
        }

        /** "Cycle detected: Slice a -> Slice b -> Slice a", without the dependency listing. */
        static String path(String violation) {
            int details = violation.indexOf("1. Dependencies of");
            String head = details < 0 ? violation : violation.substring(0, details);
            return String.join(" ", head.strip().split("\\s+"));
        }
    }

    /**
     * Other modules' tests come as test jars (trestle-core's {@code -tests.jar}) rather than a
     * {@code test-classes} folder once the reactor has packaged them; they are not checked.
     */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }
}
