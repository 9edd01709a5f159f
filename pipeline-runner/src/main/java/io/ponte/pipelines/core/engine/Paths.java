package io.ponte.pipelines.core.engine;

/** Task paths at run time ({@code root/loop[2]/train}) and in the plan ({@code root/loop/train}). */
final class Paths {

    private Paths() {}

    /** {@code root/loop[2]/train} → {@code root/loop/train}. */
    static String staticPath(String path) {
        return path.indexOf('[') < 0 ? path : path.replaceAll("\\[\\d+]", "");
    }
}
