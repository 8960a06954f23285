package adjoint.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What a caller sees of the library: every public signature of the core and the DSL. */
class PublicApiTest {

    @Test
    void noPublicSignatureMentionsVavr() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> types = publicTypes();
        assertThat(types).hasSizeGreaterThan(50);
        for (Class<?> c : types) {
            for (Method m : c.getDeclaredMethods()) {
                if (visible(m.getModifiers()) && !m.isSynthetic() && m.toGenericString().contains("io.vavr")) {
                    leaks.add(m.toGenericString());
                }
            }
            for (Constructor<?> k : c.getDeclaredConstructors()) {
                if (visible(k.getModifiers()) && k.toGenericString().contains("io.vavr")) {
                    leaks.add(k.toGenericString());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && f.toGenericString().contains("io.vavr")) {
                    leaks.add(f.toGenericString());
                }
            }
            if (c.isRecord()) {
                for (RecordComponent r : c.getRecordComponents()) {
                    if (r.getGenericType().getTypeName().contains("io.vavr")) {
                        leaks.add(c.getName() + "." + r.getName());
                    }
                }
            }
            if (c.getGenericSuperclass() != null && c.getGenericSuperclass().getTypeName().contains("io.vavr")) {
                leaks.add(c.getName() + " extends " + c.getGenericSuperclass());
            }
        }
        assertThat(leaks).as("public signatures that make a caller import io.vavr").isEmpty();
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    /** {@return the public types of the core's and the DSL's jars or class folders} */
    private static List<Class<?>> publicTypes() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        for (Class<?> anchor : List.of(adjoint.expr.Expr.class, adjoint.dsl.Adjoint.class)) {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(p -> p.toString().endsWith(".class"))
                            .forEach(p -> names.add(root.relativize(p).toString()));
                }
            } else {
                try (var jar = new java.util.jar.JarFile(root.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            }
            for (String n : names) {
                if (n.endsWith("module-info.class") || n.endsWith("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(n.replace('/', '.').replace('\\', '.').replaceAll("\\.class$", ""), false,
                        anchor.getClassLoader());
                if (Modifier.isPublic(c.getModifiers())) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
