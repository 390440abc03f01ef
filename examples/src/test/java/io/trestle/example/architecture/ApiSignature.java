package io.trestle.example.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The public API of one package as text, one line per class or member, sorted: what Kotlin's
 * binary-compatibility validator ({@code .api} files) and AndroidX's metalava keep under version
 * control, so a change of the API shows up in review as a change of that file.
 *
 * <p>Read by reflection from the compiled classes (the build targets release 21, where
 * {@code java.lang.classfile} is not available). Listed: every public class of the package and
 * public or protected member class of a listed class, with its modifiers, type parameters with
 * their bounds, supertypes, permitted subclasses and run-time annotations; its declared public
 * and protected fields, constructors and methods (generic signatures, throws clauses,
 * annotations, and an annotation member's default). Inherited members are not repeated: the
 * supertypes are listed. Synthetic and bridge members, which the compiler makes, are left out.
 *
 * <pre>{@code
 * io.trestle.Route type public abstract @interface io.trestle.Route ... @java.lang.annotation.Retention(RUNTIME)
 * io.trestle.Route method public abstract io.trestle.Method[] methods() default {io.trestle.Method.GET}
 * }</pre>
 */
final class ApiSignature {
    private ApiSignature() {}

    /** The signature lines of the public classes in {@code pkg} (that package only, not sub-packages). */
    static List<String> of(String pkg) throws ClassNotFoundException {
        List<Class<?>> listed = new ArrayList<>();
        for (JavaClass javaClass : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(new ArchitectureTest.DoNotIncludeTestJars())
                .importPackages(pkg)) {
            if (!javaClass.getPackageName().equals(pkg)) {
                continue;
            }
            Class<?> type = Class.forName(javaClass.getName(), false, ApiSignature.class.getClassLoader());
            if (isApi(type)) {
                listed.add(type);
            }
        }
        listed.sort(Comparator.comparing(Class::getName));
        List<String> lines = new ArrayList<>();
        for (Class<?> type : listed) {
            lines.add(pad(type.getName(), "type") + header(type));
            List<String> members = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                if (visible(field) && !field.isSynthetic()) {
                    members.add(pad(type.getName(), "field") + annotations(field.getDeclaredAnnotations())
                            + shorten(field.toGenericString(), type, field.getName()));
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (visible(constructor) && !constructor.isSynthetic()) {
                    members.add(pad(type.getName(), "constructor") + annotations(constructor.getDeclaredAnnotations())
                            + constructor.toGenericString());
                }
            }
            for (Method method : type.getDeclaredMethods()) {
                if (visible(method) && !method.isSynthetic() && !method.isBridge()) {
                    String line = pad(type.getName(), "method") + annotations(method.getDeclaredAnnotations())
                            + shorten(method.toGenericString(), type, method.getName());
                    Object defaultValue = method.getDefaultValue();
                    members.add(defaultValue == null ? line : line + " default " + valueText(defaultValue));
                }
            }
            members.sort(null);
            lines.addAll(members);
        }
        return lines;
    }

    /** Public, and every enclosing class public too (a member class may also be protected). */
    private static boolean isApi(Class<?> type) {
        if (type.isAnonymousClass() || type.isLocalClass() || type.isSynthetic()) {
            return false;
        }
        Class<?> enclosing = type.getDeclaringClass();
        if (enclosing == null) {
            return Modifier.isPublic(type.getModifiers());
        }
        return (Modifier.isPublic(type.getModifiers()) || Modifier.isProtected(type.getModifiers())) && isApi(enclosing);
    }

    private static boolean visible(Member member) {
        return Modifier.isPublic(member.getModifiers()) || Modifier.isProtected(member.getModifiers());
    }

    private static String pad(String className, String kind) {
        return className + ' ' + kind + ' ';
    }

    /** "public final class a.B<T extends C> extends D implements E permits F @G". */
    private static String header(Class<?> type) {
        StringBuilder text = new StringBuilder();
        String generic = type.toGenericString();
        int typeParameters = generic.indexOf('<');
        text.append(typeParameters < 0 ? generic : generic.substring(0, typeParameters));
        TypeVariable<?>[] variables = type.getTypeParameters();
        if (variables.length > 0) {
            StringJoiner joined = new StringJoiner(", ", "<", ">");
            for (TypeVariable<?> variable : variables) {
                joined.add(typeVariable(variable));
            }
            text.append(joined);
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            text.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            StringJoiner joined = new StringJoiner(", ");
            for (Type implemented : interfaces) {
                joined.add(implemented.getTypeName());
            }
            text.append(type.isInterface() ? " extends " : " implements ").append(joined);
        }
        if (type.isSealed()) {
            StringJoiner joined = new StringJoiner(", ");
            Arrays.stream(type.getPermittedSubclasses()).map(Class::getName).sorted().forEach(joined::add);
            text.append(" permits ").append(joined);
        }
        String annotations = annotations(type.getDeclaredAnnotations());
        return annotations.isEmpty() ? text.toString() : text + " " + annotations.strip();
    }

    private static String typeVariable(TypeVariable<?> variable) {
        Type[] bounds = variable.getBounds();
        if (bounds.length == 1 && bounds[0] == Object.class) {
            return variable.getName();
        }
        StringJoiner joined = new StringJoiner(" & ", variable.getName() + " extends ", "");
        for (Type bound : bounds) {
            joined.add(bound.getTypeName());
        }
        return joined.toString();
    }

    /** Run-time annotations, sorted, each followed by a space ("" when there are none). */
    private static String annotations(Annotation[] annotations) {
        StringBuilder text = new StringBuilder();
        Arrays.stream(annotations).map(Annotation::toString).sorted().forEach(a -> text.append(a).append(' '));
        return text.toString();
    }

    /** Drops the declaring class from "... a.B.name(": the line already starts with it. */
    private static String shorten(String signature, Class<?> type, String name) {
        String qualified = type.getTypeName() + "." + name;
        int at = signature.indexOf(qualified);
        return at < 0 ? signature : signature.substring(0, at) + name + signature.substring(at + qualified.length());
    }

    private static String valueText(Object value) {
        if (value instanceof String text) {
            return '"' + text + '"';
        }
        if (value instanceof Class<?> type) {
            return type.getTypeName() + ".class";
        }
        if (value instanceof Enum<?> constant) {
            return constant.getDeclaringClass().getTypeName() + "." + constant.name();
        }
        if (value instanceof Annotation annotation) {
            return annotation.toString();
        }
        if (value.getClass().isArray()) {
            StringJoiner joined = new StringJoiner(", ", "{", "}");
            int length = java.lang.reflect.Array.getLength(value);
            for (int i = 0; i < length; i++) {
                joined.add(valueText(java.lang.reflect.Array.get(value, i)));
            }
            return joined.toString();
        }
        return String.valueOf(value);
    }
}
