package io.ponte.cli.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;
import java.util.Optional;

/**
 * A Ponte service as {@code ponte} talks about it: how messages name it and how the user points {@code ponte} at
 * it.
 *
 * @param name what messages call it, e.g. {@code model registry}
 * @param shortName what messages call it in {@code the <shortName> answered …}, e.g. {@code registry}
 * @param urlOption the option that gives its address, e.g. {@code --registry}
 * @param urlVariable the environment variable that gives its address when the option is not given
 * @param defaultUrl its address in the standalone stack
 * @param tokenVariable the environment variable that holds its bearer token, for services that want one
 */
public record Service(
        String name,
        String shortName,
        String urlOption,
        String urlVariable,
        String defaultUrl,
        Optional<String> tokenVariable) {

    /**
     * The service's address: {@code option}, else {@link #urlVariable} in {@code env}, else {@link #defaultUrl}.
     *
     * @throws IllegalArgumentException saying what is wrong when the address is not an http(s) URL with a host
     */
    public URI url(String option, Map<String, String> env) {
        String text = Optional.ofNullable(option)
                .or(() -> Optional.ofNullable(env.get(urlVariable)))
                .filter(s -> !s.isBlank())
                .orElse(defaultUrl)
                .strip();
        try {
            URI uri = new URI(text);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                "the " + shortName + " URL must be http://HOST[:PORT] or https://…, not '" + text + "'");
    }

    /** The bearer token in {@code env}, when the service wants one and it is set. */
    public Optional<String> token(Map<String, String> env) {
        return tokenVariable.map(env::get).filter(t -> !t.isBlank());
    }
}
