package io.ponte.cli;

import io.ponte.cli.http.Service;
import io.ponte.cli.http.ServiceClient;
import java.net.URI;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Clients of Ponte's services, at the address the command line or the environment gives. */
final class Clients {
    private Clients() {}

    /** A client of {@code service} at {@link #url}, with its token from {@code env} when it wants one. */
    static ServiceClient of(CommandSpec command, Service service, String urlOption, Map<String, String> env) {
        return new ServiceClient(service, url(command, service, urlOption, env), service.token(env));
    }

    /** The value of the service's URL option, else its variable, else its default; a bad URL is a usage error. */
    static URI url(CommandSpec command, Service service, String urlOption, Map<String, String> env) {
        try {
            return service.url(urlOption, env);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }
}
