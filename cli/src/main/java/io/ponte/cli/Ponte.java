package io.ponte.cli;

import io.ponte.cli.http.ServiceException;
import io.ponte.cli.stack.ProcessSupervisor;
import io.ponte.cli.stack.ServiceSpec;
import io.ponte.cli.stack.StackException;
import io.ponte.cli.stack.StateDir;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ponte} command. Exit codes: 0 done, 1 the stack or a service (model registry, rag, pipeline
 * runner) could not do it, 2 bad usage.
 */
@Command(
        name = "ponte",
        mixinStandardHelpOptions = true,
        versionProvider = Ponte.Version.class,
        description = "Starts, stops and inspects Ponte's standalone stack on this machine, "
                + "manages models in its model registry, ingests and asks documentation in its rag service, "
                + "and plans and runs Kubeflow pipelines on its pipeline runner.",
        footer = {
            "",
            "The ./ponte launcher in the repository adds: test (the whole test suite, ./mvnw -B verify) "
                    + "and build (package every module without tests)."
        },
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            LogsCommand.class,
            ModelsCommand.class,
            IngestCommand.class,
            AskCommand.class,
            RagCommand.class,
            RunCommand.class,
            RunsCommand.class,
            PipelinesCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Ponte implements Callable<Integer> {
    private final Workspace workspace;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--state-dir",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            description = "Where pid files, logs and service config live "
                    + "(default: $PONTE_HOME, else .ponte/ in the repository).")
    Path stateDir;

    Ponte(Workspace workspace) {
        this.workspace = workspace;
    }

    public static void main(String[] args) {
        System.exit(commandLine(Workspace.fromSystem()).execute(args));
    }

    /** The command line for {@code workspace}, with a {@code --port-NAME} option per service. */
    static CommandLine commandLine(Workspace workspace) {
        CommandLine commandLine = new CommandLine(new Ponte(workspace));
        CommandSpec up = commandLine.getSubcommands().get("up").getCommandSpec();
        for (ServiceSpec service : workspace.catalog().services()) {
            up.addOption(OptionSpec.builder("--port-" + service.name())
                    .paramLabel("PORT")
                    .type(String.class)
                    .description("HTTP port of " + service.name() + " (default: $" + service.portVariable() + ", else "
                            + service.defaultPort() + ").")
                    .build());
        }
        commandLine.setExecutionExceptionHandler(Ponte::report);
        return commandLine;
    }

    private static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (e instanceof StackException stack) {
            command.getErr().println("ponte: " + stack.getMessage());
            return stack.exitCode();
        }
        if (e instanceof ServiceException service) {
            command.getErr().println("error: " + service.getMessage());
            return 1;
        }
        if (e instanceof UncheckedIOException io) {
            command.getErr().println("ponte: " + io.getMessage());
            return 1;
        }
        command.getErr().println("ponte: unexpected error, please report it:");
        e.printStackTrace(command.getErr());
        return 1;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    Workspace workspace() {
        return workspace;
    }

    StateDir state() {
        Path dir = Optional.ofNullable(stateDir)
                .or(() -> Optional.ofNullable(workspace.env().get("PONTE_HOME"))
                        .filter(s -> !s.isBlank())
                        .map(Path::of))
                .orElse(workspace.root().resolve(".ponte"));
        return new StateDir(dir);
    }

    ProcessSupervisor supervisor() {
        return ProcessSupervisor.onThisJvm(workspace.root(), state());
    }

    /** {@code path} relative to the current directory when it lies below it, for shorter messages. */
    static String display(Path path) {
        Path here = Path.of("").toAbsolutePath();
        return path.startsWith(here) && !path.equals(here)
                ? here.relativize(path).toString()
                : path.toString();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Ponte.class.getPackage().getImplementationVersion();
            return new String[] {"ponte " + (version == null ? "(development build)" : version)};
        }
    }
}
