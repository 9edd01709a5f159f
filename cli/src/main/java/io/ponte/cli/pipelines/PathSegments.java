package io.ponte.cli.pipelines;

import io.ponte.cli.http.Json;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Ids and task paths in URLs: each segment percent-encoded, a task path's slashes kept. */
final class PathSegments {
    private PathSegments() {}

    static String encode(String segment) {
        return Json.segment(segment);
    }

    /** {@code root/for-loop-2[0]/train} as {@code root/for-loop-2%5B0%5D/train}. */
    static String encodePath(String taskPath) {
        return Arrays.stream(taskPath.split("/", -1)).map(Json::segment).collect(Collectors.joining("/"));
    }
}
