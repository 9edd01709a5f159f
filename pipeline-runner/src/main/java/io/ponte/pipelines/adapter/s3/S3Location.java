package io.ponte.pipelines.adapter.s3;

/**
 * A parsed {@code s3://bucket/key} URI. The key never starts or ends with a slash: a directory-like
 * prefix {@code s3://b/runs/1/} is the same location as {@code s3://b/runs/1}.
 */
record S3Location(String bucket, String key) {

    static S3Location parse(String uri) {
        if (uri == null || !uri.startsWith("s3://")) {
            throw new IllegalArgumentException("not an s3:// URI: " + uri);
        }
        String rest = uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : trimSlashes(rest.substring(slash + 1));
        if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("not a valid S3 bucket name in " + uri);
        }
        if (key.contains("//") || key.contains("\\") || segmentIs(key, "..") || segmentIs(key, ".")) {
            throw new IllegalArgumentException("not a valid object key in " + uri);
        }
        return new S3Location(bucket, key);
    }

    /** The location of {@code relative} (slash-separated) under this one. */
    S3Location child(String relative) {
        String rel = trimSlashes(relative);
        return new S3Location(bucket, key.isEmpty() ? rel : key + "/" + rel);
    }

    /** The key prefix of everything under this location, as a directory. */
    String dirPrefix() {
        return key.isEmpty() ? "" : key + "/";
    }

    String uri() {
        return "s3://" + bucket + "/" + key;
    }

    static String uri(String bucket, String key) {
        return "s3://" + bucket + "/" + key;
    }

    private static boolean segmentIs(String key, String segment) {
        for (String s : key.split("/", -1)) {
            if (s.equals(segment)) {
                return true;
            }
        }
        return false;
    }

    private static String trimSlashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '/') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '/') {
            end--;
        }
        return s.substring(start, end);
    }

    @Override
    public String toString() {
        return uri();
    }
}
