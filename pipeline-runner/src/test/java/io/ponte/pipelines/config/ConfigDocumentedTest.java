package io.ponte.pipelines.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every key of the {@code ponte.pipelines} mapping, down through its groups and maps, appears in
 * application.properties (set, or commented out with its default), so the file documents them all.
 */
class ConfigDocumentedTest {

    /** A map key in a property name: a plain segment or a quoted one. */
    private static final String MAP_KEY = "(?:\"[^\"]+\"|[^.\"=]+)";

    @Test
    void every_ponte_pipelines_key_is_listed_in_application_properties() throws IOException {
        List<String> keys = documentedKeys();
        List<String> leaves = new ArrayList<>();
        walk(PipelinesConfig.class, "ponte.pipelines", leaves);

        assertThat(leaves).hasSizeGreaterThan(50);
        List<String> missing = leaves.stream()
                .filter(leaf -> {
                    Pattern p = Pattern.compile(Pattern.quote(leaf).replace("<key>", "\\E" + MAP_KEY + "\\Q"));
                    return keys.stream().noneMatch(k -> p.matcher(k).matches());
                })
                .toList();
        assertThat(missing)
                .as("keys of the mapping missing from application.properties")
                .isEmpty();
    }

    private static List<String> documentedKeys() throws IOException {
        try (InputStream in = ConfigDocumentedTest.class.getResourceAsStream("/application.properties")) {
            assertThat(in).as("application.properties on the class path").isNotNull();
            List<String> keys = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.startsWith("#")) {
                    l = l.substring(1).strip();
                }
                int eq = l.indexOf('=');
                if (l.startsWith("ponte.pipelines.") && eq > 0) {
                    keys.add(l.substring(0, eq).strip());
                }
            }
            return keys;
        }
    }

    /** The leaf keys under {@code prefix} of a mapping interface; map keys are written {@code <key>}. */
    private static void walk(Class<?> group, String prefix, List<String> out) {
        for (Method m : group.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            leaf(m.getGenericReturnType(), prefix + "." + kebab(m.getName()), out);
        }
    }

    private static void leaf(Type type, String name, List<String> out) {
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            leaf(p.getActualTypeArguments()[0], name, out);
        } else if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            leaf(p.getActualTypeArguments()[1], name + ".<key>", out);
        } else if (type instanceof Class<?> c && c.isInterface() && c.getName().startsWith("io.ponte.")) {
            walk(c, name, out);
        } else {
            out.add(name);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
