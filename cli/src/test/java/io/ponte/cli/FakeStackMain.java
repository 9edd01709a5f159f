package io.ponte.cli;

import io.ponte.cli.stack.ServiceCatalog;
import io.ponte.cli.testing.FakeServices;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code ponte} with a one-service catalogue (a fake service named {@code fake}), for tests that
 * need it in a process of its own. Arguments: the repository root, the fake service's port, then
 * ponte's arguments.
 */
public final class FakeStackMain {
    private FakeStackMain() {}

    public static void main(String[] args) {
        ServiceCatalog catalog =
                new ServiceCatalog(List.of(FakeServices.on("fake", Integer.parseInt(args[1]), Map.of())));
        Workspace workspace = new Workspace(Path.of(args[0]), catalog, Map.of());
        System.exit(Ponte.commandLine(workspace).execute(Arrays.copyOfRange(args, 2, args.length)));
    }
}
