package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * The {@code stream_options} of a streamed request ({@code ChatCompletionStreamOptions}).
 *
 * @param includeUsage when true, every chunk carries {@code "usage": null} and one last chunk with
 *     empty {@code choices} carries the usage of the whole request
 * @param extra members not modelled here, such as {@code include_obfuscation}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StreamOptions(
        @JsonProperty("include_usage") Boolean includeUsage,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    public StreamOptions {
        extra = Extras.copyOf(extra);
    }

    /** {@code {"include_usage": true}}. */
    public static StreamOptions withUsage() {
        return new StreamOptions(true, null);
    }
}
