package io.ponte.cli;

import io.ponte.cli.pipelines.PipelineRunner;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** The pipeline runner client and IR files, for {@code ponte run}, {@code runs} and {@code pipelines}. */
final class Runners {
    private Runners() {}

    static PipelineRunner of(CommandSpec command, String urlOption, Ponte ponte) {
        var env = ponte.workspace().env();
        return new PipelineRunner(
                Clients.of(command, PipelineRunner.SERVICE, urlOption, env),
                Clients.url(command, PipelineRunner.SERVICE, urlOption, env));
    }

    /** The IR file's text; a file that cannot be read is a usage error naming it. */
    static String readIr(CommandSpec command, Path file) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(command.commandLine(), "no such file: " + Ponte.display(file));
        } catch (MalformedInputException e) {
            throw new ParameterException(
                    command.commandLine(),
                    Ponte.display(file) + " is not UTF-8 text; expected compiled IR (YAML or JSON)");
        } catch (IOException e) {
            throw new ParameterException(
                    command.commandLine(), "cannot read " + Ponte.display(file) + ": " + e.getMessage());
        }
    }
}
