package io.ponte.api.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the wire types of a package, so that contract tests cannot miss a new one. */
public final class ApiTypes {

    private ApiTypes() {}

    /**
     * The records in the package of {@code anchor}, nested ones included, that Jackson writes as JSON
     * objects (that have no {@code @JsonValue}). Only the code location of {@code anchor} is
     * searched, so test classes in the same package are not counted.
     */
    public static List<Class<?>> jsonObjectRecords(ObjectMapper mapper, Class<?> anchor) {
        return classes(anchor).stream()
                .filter(Class::isRecord)
                .filter(type -> mapper.getSerializationConfig()
                                .introspect(mapper.constructType(type))
                                .findJsonValueAccessor()
                        == null)
                .toList();
    }

    private static List<Class<?>> classes(Class<?> anchor) {
        String packageName = anchor.getPackageName();
        URL root = anchor.getProtectionDomain().getCodeSource().getLocation();
        if (!"file".equals(root.getProtocol())) {
            throw new IllegalStateException("cannot list " + packageName + " in " + root);
        }
        try (Stream<Path> files = Files.list(Path.of(root.toURI()).resolve(packageName.replace('.', '/')))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class"))
                    .<Class<?>>map(name -> load(packageName + "." + name.substring(0, name.length() - 6)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ApiTypes.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
