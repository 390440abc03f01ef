package io.trestle.example.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.trestle.example.architecture.fixture.routing.CleanRouter;
import io.trestle.example.architecture.fixture.routing.ConnectionRouter;
import io.trestle.example.architecture.fixture.routing.SocketRouter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import com.tngtech.archunit.library.freeze.ViolationStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each architecture rule catches what it is meant to: run on the fixture under
 * {@code io.trestle.example.architecture.fixture}, which breaks every rule once and beside each
 * offender has a class that keeps the rule, the rule reports the offender and only it. And a
 * frozen rule lets its recorded violations pass but fails on a new one.
 */
class ArchitectureRulesCanFailTest {
    static final String ROOT = "io.trestle.example.architecture.fixture";
    static final ArchitectureRules RULES = new ArchitectureRules(ROOT);
    static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

    @Test
    void apiImportingAnImplementationClassIsReported() {
        String report = violations(RULES.apiImportsNoImplementation());
        assertTrue(report.contains("fixture.Api.engine()") && report.contains("fixture.server.Engine"), report);
        assertFalse(report.contains("CleanApi"), report);
    }

    @Test
    void aHandlerModuleBorrowingTheWiresHelperIsReported() {
        String report = violations(RULES.staticFilesUseOnlyTheApi());
        assertTrue(report.contains("BorrowingFiles") && report.contains("http1.DateTexts"), report);
        assertFalse(report.contains("CleanFiles"), report);
    }

    @Test
    void theLoginModuleReachingIntoTheServerIsReported() {
        String report = violations(RULES.loginUsesOnlyTheApi());
        assertTrue(report.contains("EngineLogin") && report.contains("server.Engine"), report);
    }

    @Test
    void theExampleNamingTheLauncherIsReported() {
        String report = violations(RULES.exampleUsesOnlyTheApi());
        assertTrue(report.contains("LauncherApp") && report.contains("app.Launcher"), report);
    }

    @Test
    void routingThatSeesASocketOrAConnectionIsReported() {
        String report = violations(RULES.routingKnowsNoSockets());
        assertTrue(report.contains("SocketRouter") && report.contains("java.net.Socket"), report);
        assertTrue(report.contains("ConnectionRouter") && report.contains("http1.WireConnection"), report);
        assertFalse(report.contains("CleanRouter"), report);
    }

    @Test
    void theWireLoadingClassesIsReported() {
        String report = violations(RULES.wireLoadsNoClasses());
        assertTrue(report.contains("Engine.load(java.lang.String)") && report.contains("Class.forName"), report);
        assertTrue(report.contains("PluginFinder") && report.contains("java.util.ServiceLoader"), report);
        assertFalse(report.contains("CleanDispatcher"), report);
    }

    @Test
    void aPackageCycleIsReported() {
        EvaluationResult result = RULES.noPackageCycles().evaluate(FIXTURE);
        assertTrue(result.hasViolation(), "no cycle found");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("Slice " + ROOT + " -> ") && report.contains("Slice " + ROOT + ".server"), report);
        assertEquals(1, result.getFailureReport().getDetails().size(), report);
    }

    @Test
    void aFrozenRulePassesItsRecordedViolationsAndFailsOnANewOne() {
        InMemoryStore store = new InMemoryStore();
        JavaClasses before = new ClassFileImporter().importClasses(SocketRouter.class, CleanRouter.class);
        Function<JavaClasses, EvaluationResult> frozen =
                classes -> FreezingArchRule.freeze(RULES.routingKnowsNoSockets()).persistIn(store).evaluate(classes);

        assertFalse(frozen.apply(before).hasViolation(), "the first run records today's violations");
        // SocketRouter.route: its Socket parameter and its call on it.
        assertEquals(2, store.violations.values().iterator().next().size(), store.violations.toString());
        assertFalse(frozen.apply(before).hasViolation(), "a recorded violation passes");

        JavaClasses after = new ClassFileImporter()
                .importClasses(SocketRouter.class, CleanRouter.class, ConnectionRouter.class);
        EvaluationResult result = frozen.apply(after);
        assertTrue(result.hasViolation(), "a new violation fails");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertFalse(report.contains("SocketRouter"), "only the new one is reported: " + report);
        assertTrue(report.contains("http1.WireConnection"), report);
        assertThrows(AssertionError.class,
                () -> FreezingArchRule.freeze(RULES.routingKnowsNoSockets()).persistIn(store).check(after));
    }

    @Test
    void aFixedViolationLeavesTheStore() {
        InMemoryStore store = new InMemoryStore();
        Function<JavaClasses, EvaluationResult> frozen =
                classes -> FreezingArchRule.freeze(RULES.routingKnowsNoSockets()).persistIn(store).evaluate(classes);
        frozen.apply(new ClassFileImporter().importClasses(SocketRouter.class, ConnectionRouter.class));
        List<String> recorded = store.violations.values().iterator().next();
        assertTrue(recorded.stream().anyMatch(line -> line.contains("ConnectionRouter")), recorded.toString());

        assertFalse(frozen.apply(new ClassFileImporter().importClasses(SocketRouter.class)).hasViolation());
        List<String> left = store.violations.values().iterator().next();
        assertEquals(2, left.size(), left.toString());
        assertTrue(left.stream().noneMatch(line -> line.contains("ConnectionRouter")), left.toString());
    }

    @Test
    void aRecordedCycleIsKnownByItsPackagesNotByItsDependencyListing() {
        String recorded = "Cycle detected: Slice a -> \n                Slice a.b -> \n                Slice a\n"
                + "  1. Dependencies of Slice a\n    - Method <a.X.y()> calls method <a.b.Z.w()> in (X.java:3)";
        String grown = recorded + "\n    - Method <a.X.v()> calls method <a.b.Z.u()> in (X.java:9)";
        String other = "Cycle detected: Slice a -> \n                Slice a.c -> \n                Slice a\n"
                + "  1. Dependencies of Slice a\n    - Method <a.X.y()> calls method <a.c.Z.w()> in (X.java:3)";
        ArchitectureTest.SameCycle matcher = new ArchitectureTest.SameCycle();
        assertEquals("Cycle detected: Slice a -> Slice a.b -> Slice a", ArchitectureTest.SameCycle.path(recorded));
        assertTrue(matcher.matches(grown, recorded));
        assertFalse(matcher.matches(other, recorded));
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(FIXTURE);
        assertTrue(result.hasViolation(), "the rule found nothing: " + rule.getDescription());
        return String.join("\n", result.getFailureReport().getDetails());
    }

    /** A violation store in memory, so this test never touches the committed one. */
    static final class InMemoryStore implements ViolationStore {
        final Map<String, List<String>> violations = new HashMap<>();

        @Override
        public void initialize(Properties properties) {}

        @Override
        public boolean contains(ArchRule rule) {
            return violations.containsKey(rule.getDescription());
        }

        @Override
        public void save(ArchRule rule, List<String> violations) {
            this.violations.put(rule.getDescription(), List.copyOf(violations));
        }

        @Override
        public List<String> getViolations(ArchRule rule) {
            return violations.getOrDefault(rule.getDescription(), List.of());
        }
    }
}
