package io.ponte.pipelines.adapter.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real, tiny root filesystem for the container runtimes: this host's {@code sh}, {@code sleep},
 * {@code cat} and {@code touch} with the shared libraries {@code ldd} names, and a marker file
 * {@code /etc/ponte-image} that exists only inside it.
 */
final class TinyRootfs {
    static final String MARKER = "tiny rootfs built by the test";
    private static final List<String> TOOLS = List.of("sh", "sleep", "cat", "touch", "ls");
    private static final Pattern LIB = Pattern.compile("(/\\S+\\.so[^\\s]*)");

    private TinyRootfs() {}

    static Path build(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("bin"));
        Files.createDirectories(dir.resolve("etc"));
        Files.writeString(dir.resolve("etc/ponte-image"), MARKER + "\n");
        for (String tool : TOOLS) {
            Path binary = which(tool).toRealPath();
            Files.copy(binary, dir.resolve("bin/" + tool), StandardCopyOption.REPLACE_EXISTING);
            for (String lib : libraries(binary)) {
                Path target = dir.resolve(lib.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(Path.of(lib), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // PATH inside is the usual one: make /usr/bin resolve too.
        Files.createDirectories(dir.resolve("usr"));
        if (!Files.exists(dir.resolve("usr/bin"))) {
            Files.createSymbolicLink(dir.resolve("usr/bin"), Path.of("../bin"));
        }
        return dir;
    }

    private static Path which(String tool) {
        for (String d : List.of("/usr/bin", "/bin")) {
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        throw new IllegalStateException(tool + " not found on this host");
    }

    private static List<String> libraries(Path binary) throws IOException, InterruptedException {
        Process ldd = new ProcessBuilder("ldd", binary.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        Matcher m = LIB.matcher(out);
        java.util.ArrayList<String> libs = new java.util.ArrayList<>();
        while (m.find()) {
            libs.add(m.group(1));
        }
        return libs;
    }
}
