package io.ponte.offload.adapter.image;

import java.util.Locale;

/**
 * An image reference reduced to what matching needs: {@code docker.io/library/busybox:1.36},
 * {@code docker.io/busybox:1.36} and {@code busybox:1.36} are the same image; no tag means
 * {@code latest}; a digest ({@code @sha256:…}) is kept as the tag.
 *
 * @param name the repository, e.g. {@code busybox} or {@code ghcr.io/grycap/cowsay}
 * @param tag the tag or digest
 */
public record ImageReference(String name, String tag) {

    /** Parses a reference as pods write it. */
    public static ImageReference parse(String reference) {
        String r = reference.strip();
        if (r.isEmpty()) {
            throw new IllegalArgumentException("an empty image reference");
        }
        String tag = "latest";
        int at = r.indexOf('@');
        if (at >= 0) {
            tag = r.substring(at + 1);
            r = r.substring(0, at);
        } else {
            int colon = r.lastIndexOf(':');
            if (colon > r.lastIndexOf('/')) {
                tag = r.substring(colon + 1);
                r = r.substring(0, colon);
            }
        }
        return new ImageReference(normaliseName(r), tag);
    }

    /** {@code name:tag}. */
    @Override
    public String toString() {
        return name + ":" + tag;
    }

    private static String normaliseName(String name) {
        String n = name;
        for (String registry : new String[] {"docker.io/", "index.docker.io/", "registry-1.docker.io/"}) {
            if (n.toLowerCase(Locale.ROOT).startsWith(registry)) {
                n = n.substring(registry.length());
                break;
            }
        }
        if (n.startsWith("library/")) {
            n = n.substring("library/".length());
        }
        return n;
    }
}
