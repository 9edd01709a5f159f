package io.ponte.pipelines.core.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A root filesystem made of a few of this host's binaries and the libraries they load, for bubblewrap. */
final class HostRootfs {

    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so\\S*)");

    private HostRootfs() {}

    static Path build(Path dir, String... tools) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("bin"));
        for (String tool : tools) {
            Path binary = Path.of("/bin", tool).toRealPath();
            Files.copy(binary, dir.resolve("bin").resolve(tool), StandardCopyOption.REPLACE_EXISTING);
            for (String lib : libraries(binary)) {
                Path target = dir.resolve(lib.substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(Path.of(lib), target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(dir.resolve("usr"));
        Files.createSymbolicLink(dir.resolve("usr/bin"), Path.of("../bin"));
        return dir;
    }

    private static List<String> libraries(Path binary) throws IOException, InterruptedException {
        Process ldd = new ProcessBuilder("ldd", binary.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        List<String> libs = new ArrayList<>();
        Matcher m = LIBRARY.matcher(out);
        while (m.find()) {
            libs.add(m.group(1));
        }
        return libs;
    }
}
