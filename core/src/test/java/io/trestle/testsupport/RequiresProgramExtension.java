package io.trestle.testsupport;

import java.io.File;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Carries out {@link RequiresProgram}. As an {@link ExecutionCondition} it disables a class or
 * method whose programs are missing, so none of its set-up or tear-down runs; under
 * {@code CI=true} it leaves it enabled, and its before-all (class) or before-each (method)
 * callback fails it with the same message before any of the test's own code runs.
 *
 * <p>Reads {@code CI} and {@code PATH} from the environment. The configuration parameters
 * {@value #CI_PARAMETER} (used instead of {@code CI}) and {@value #FOLDERS_PARAMETER} (the only
 * folders searched, separated by {@code :}) stand in for them, so that this extension's own tests
 * need not change the real environment.
 */
final class RequiresProgramExtension implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {
    static final String CI_PARAMETER = "trestle.programs.ci";
    static final String FOLDERS_PARAMETER = "trestle.programs.folders";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<AnnotatedElement> element = context.getElement();
        if (element.isEmpty()) {
            return ConditionEvaluationResult.enabled("nothing annotated");
        }
        Optional<String> missing = missing(element.get(), context);
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("the programs it needs are there");
        }
        if (Programs.isCi(ci(context))) {
            return ConditionEvaluationResult.enabled("enabled to fail, because CI=true: " + missing.get());
        }
        return ConditionEvaluationResult.disabled(missing.get());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        check(context.getRequiredTestClass(), context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        // The class's own requirements were checked once, before all of its tests.
        check(context.getRequiredTestMethod(), context);
    }

    private void check(AnnotatedElement element, ExtensionContext context) {
        missing(element, context).ifPresent(message -> Programs.missing(message, ci(context)));
    }

    /** The message for what {@code element} requires and is missing, if anything is. */
    private Optional<String> missing(AnnotatedElement element, ExtensionContext context) {
        List<RequiresProgram> requirements = AnnotationSupport.findRepeatableAnnotations(element, RequiresProgram.class);
        if (requirements.isEmpty()) {
            return Optional.empty();
        }
        List<Path> folders = folders(context);
        List<String> missing = new ArrayList<>();
        List<String> install = new ArrayList<>();
        for (RequiresProgram requirement : requirements) {
            boolean anyMissing = false;
            for (String program : requirement.value()) {
                if (Programs.find(program, folders).isEmpty()) {
                    missing.add(program);
                    anyMissing = true;
                }
            }
            if (anyMissing && !requirement.install().isBlank() && !install.contains(requirement.install().strip())) {
                install.add(requirement.install().strip());
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Programs.missingMessage(missing, folders, String.join("; ", install)));
    }

    private static String ci(ExtensionContext context) {
        return context.getConfigurationParameter(CI_PARAMETER).orElseGet(() -> System.getenv("CI"));
    }

    private static List<Path> folders(ExtensionContext context) {
        return context.getConfigurationParameter(FOLDERS_PARAMETER)
                .map(value -> Arrays.stream(value.split(File.pathSeparator)).filter(s -> !s.isEmpty()).map(Path::of).toList())
                .orElseGet(() -> Programs.searchFolders(System.getenv("PATH")));
    }
}
