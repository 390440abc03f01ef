package io.trestle.example.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

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
    static final ArchRule noPackageCycles = FreezingArchRule.freeze(RULES.noPackageCycles());

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
