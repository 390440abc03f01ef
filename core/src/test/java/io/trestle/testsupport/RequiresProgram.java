package io.trestle.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The annotated test class or method needs outside programs. When one is missing, the test is
 * skipped with a message naming it, the folders looked in and the install hint; its
 * {@code @BeforeAll}/{@code @BeforeEach}/{@code @AfterEach}/{@code @AfterAll} methods do not run
 * either. Under {@code CI=true} it fails instead (see {@link Programs} for the policy and the
 * search). Get a program's path in the test with {@link Programs#require(String)}.
 *
 * <pre>{@code
 * @RequiresProgram(value = {"chromium|chromium-browser", "chromedriver"},
 *         install = "apt-get install -y chromium chromium-driver")
 * class BrowserTest {
 *     static Path browser;
 *
 *     @BeforeAll
 *     static void start() {
 *         browser = Programs.require("chromium|chromium-browser");
 *     }
 * }
 * }</pre>
 *
 * <p>Repeatable, so programs with different install hints can be listed one by one; inherited by
 * subclasses. On a class, every test in it is skipped (or failed) at once, as one container.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(RequiresPrograms.class)
@ExtendWith(RequiresProgramExtension.class)
public @interface RequiresProgram {
    /**
     * Every program needed: a name looked up in {@code PATH} and the standard folders,
     * alternatives separated by {@code |} ({@code "chromium|chromium-browser"}), or an absolute path.
     */
    String[] value();

    /** How to install the programs, shown when one is missing, e.g. {@code apt-get install -y redis-server}. */
    String install() default "";
}
