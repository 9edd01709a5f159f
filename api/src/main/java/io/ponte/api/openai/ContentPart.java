package io.ponte.api.openai;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ponte.api.json.Extras;
import java.util.Map;

/**
 * One part of a multimodal message ({@code ChatCompletionRequestUserMessageContentPart} and
 * friends). Text and image parts are modelled; audio ({@code input_audio}) and file ({@code file})
 * parts keep their payload in {@link #extra()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContentPart(
        String type,
        String text,
        @JsonProperty("image_url") ImageUrl imageUrl,
        @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {

    /** The {@code type} of a text part. */
    public static final String TEXT = "text";

    /** The {@code type} of an image part. */
    public static final String IMAGE_URL = "image_url";

    public ContentPart {
        extra = Extras.copyOf(extra);
    }

    /** A text part. */
    public static ContentPart text(String text) {
        return new ContentPart(TEXT, text, null, null);
    }

    /** An image part pointing at {@code url} (an https or {@code data:} URL). */
    public static ContentPart imageUrl(String url) {
        return new ContentPart(IMAGE_URL, null, new ImageUrl(url, null, null), null);
    }
}
