package io.ponte.offload.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code POST /create}. */
record WireCreated(
        @JsonProperty("PodUID") String podUid,
        @JsonProperty("PodJID") String podJid) {}
