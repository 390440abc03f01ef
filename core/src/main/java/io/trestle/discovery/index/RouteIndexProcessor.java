package io.trestle.discovery.index;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the {@link RouteIndex} of a compilation ({@value RouteIndex#PATH} in the class output),
 * so that discovery finds the {@code @Route} classes of the jar or folder without a ClassGraph
 * scan. It claims no annotations and generates no code; problems are warnings, never errors.
 *
 * <p>Maven (JDK 23+ runs no processor found on the class path unless asked):
 * <pre>{@code
 * <plugin>
 *   <artifactId>maven-compiler-plugin</artifactId>
 *   <configuration><release>21</release><proc>full</proc></configuration>
 * </plugin>
 * }</pre>
 * or plain javac: {@code javac -proc:full -cp trestle-core.jar -d out ...}.
 *
 * <p>Every type of the compilation is listed, with or without routes: the index vouches for
 * them. A compilation of a few sources (an IDE's incremental build) merges its types into the
 * index already in the output, replacing those types (and their nested types) it compiled again.
 */
@SupportedAnnotationTypes("*")
public final class RouteIndexProcessor extends AbstractProcessor {
    private static final String ROUTE = "io.trestle.Route";
    private static final String ROUTES = "io.trestle.Route.List";

    private final List<RouteIndex.Entry> compiled = new ArrayList<>();
    private final Set<String> topLevel = new HashSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        try {
            if (round.processingOver()) {
                if (!topLevel.isEmpty()) {
                    write();
                }
            } else {
                for (Element root : round.getRootElements()) {
                    if (root instanceof TypeElement type) {
                        topLevel.add(binaryName(type));
                        record(type);
                    }
                }
            }
        } catch (RuntimeException e) {
            // The index only speeds start-up up: a bug here must never fail the user's build.
            warn("the @Route index was not written: " + e);
        }
        return false;
    }

    private void record(TypeElement type) {
        boolean onType = hasRoute(type);
        boolean onMethod = false;
        boolean onNonPrivate = false;
        for (Element member : type.getEnclosedElements()) {
            if (member.getKind() == ElementKind.METHOD && hasRoute(member)) {
                onMethod = true;
                onNonPrivate |= !member.getModifiers().contains(Modifier.PRIVATE);
            } else if (member instanceof TypeElement nested) {
                record(nested);
            }
        }
        compiled.add(new RouteIndex.Entry(binaryName(type), kind(type), onType, onMethod, onNonPrivate, superclass(type)));
    }

    private static RouteIndex.Kind kind(TypeElement type) {
        return switch (type.getKind()) {
            case ANNOTATION_TYPE -> RouteIndex.Kind.ANNOTATION;
            case INTERFACE -> RouteIndex.Kind.INTERFACE;
            default -> type.getModifiers().contains(Modifier.ABSTRACT) ? RouteIndex.Kind.ABSTRACT : RouteIndex.Kind.CLASS;
        };
    }

    // Compared by name, never by looking io.trestle.Route up: a compilation for an old --release
    // (the example app's Java 8 entry point) must not be made to read Trestle's class files.
    private static boolean hasRoute(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            Element annotation = mirror.getAnnotationType().asElement();
            if (annotation instanceof TypeElement t
                    && (t.getQualifiedName().contentEquals(ROUTE) || t.getQualifiedName().contentEquals(ROUTES))) {
                return true;
            }
        }
        return false;
    }

    private String superclass(TypeElement type) {
        TypeMirror parent = type.getSuperclass();
        if (parent.getKind() == TypeKind.DECLARED && ((DeclaredType) parent).asElement() instanceof TypeElement t) {
            return binaryName(t);
        }
        return null;
    }

    private String binaryName(TypeElement type) {
        return processingEnv.getElementUtils().getBinaryName(type).toString();
    }

    private void write() {
        List<RouteIndex.Entry> all = new ArrayList<>();
        for (RouteIndex.Entry old : previous().entries()) {
            if (!compiledAgain(old.name())) {
                all.add(old);
            }
        }
        all.addAll(compiled);
        String text = RouteIndex.of(all).format();
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", RouteIndex.PATH);
            try (Writer out = file.openWriter()) {
                out.write(text);
            }
        } catch (IOException e) {
            warn("cannot write " + RouteIndex.PATH + ": " + e);
        }
    }

    /** {@code com.acme.Outer$Inner} belongs to {@code com.acme.Outer}: both are replaced when Outer is compiled. */
    private boolean compiledAgain(String name) {
        for (int dollar = name.indexOf('$'); dollar > 0; dollar = name.indexOf('$', dollar + 1)) {
            if (topLevel.contains(name.substring(0, dollar))) {
                return true;
            }
        }
        return topLevel.contains(name);
    }

    /** The index an earlier compilation left in the same output, or an empty one. */
    private RouteIndex previous() {
        try {
            FileObject file = processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", RouteIndex.PATH);
            return RouteIndex.parse(file.getCharContent(true));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return RouteIndex.of(List.of());
        } catch (IOException | RuntimeException e) {
            // Some file managers cannot read the class output at all (in-memory ones, say). A fresh index is
            // still right for this compilation; classes of earlier ones it misses only cost a scan.
            return RouteIndex.of(List.of());
        } catch (RouteIndex.MalformedException e) {
            warn("ignoring the previous " + RouteIndex.PATH + " (" + e.getMessage() + "); it is written anew");
            return RouteIndex.of(List.of());
        }
    }

    private void warn(String message) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.WARNING, "Trestle: " + message);
    }
}
