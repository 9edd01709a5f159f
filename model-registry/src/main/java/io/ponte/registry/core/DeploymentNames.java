package io.ponte.registry.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Kubernetes names for deployments: checked when a request gives them, derived when it does not. */
public final class DeploymentNames {

    /** The longest DNS label. */
    public static final int MAX_LENGTH = 63;

    private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final int HASH_LENGTH = 8;

    private DeploymentNames() {}

    /**
     * An InferenceService name for {@code <model>-<version>}: lower-cased, every run of characters other than
     * {@code a-z} and {@code 0-9} turned into one {@code -}, prefixed with {@code m-} unless it starts with a letter.
     * Names longer than {@value #MAX_LENGTH} characters are cut and end in a hash of the full name, so that two
     * long names that share a prefix stay apart.
     */
    public static String derive(String model, String version) {
        String full = (model + "-" + version).toLowerCase(Locale.ROOT);
        String name = trimDashes(full.replaceAll("[^a-z0-9]+", "-"));
        if (name.isEmpty()) {
            name = "model";
        }
        if (name.charAt(0) < 'a' || name.charAt(0) > 'z') {
            name = "m-" + name;
        }
        if (name.length() > MAX_LENGTH) {
            String cut = trimDashes(name.substring(0, MAX_LENGTH - HASH_LENGTH - 1));
            name = cut + "-" + hash(model + "\n" + version);
        }
        return name;
    }

    /** {@code name} if it is a valid InferenceService name (a DNS-1035 label). */
    public static String checkName(String name) {
        if (name == null
                || name.length() > MAX_LENGTH
                || !DNS_1035.matcher(name).matches()) {
            throw RegistryException.invalid(
                    "name",
                    "'" + name + "' is not a valid InferenceService name: lower-case letters, digits and '-',"
                            + " starting with a letter and ending with a letter or digit, at most " + MAX_LENGTH
                            + " characters");
        }
        return name;
    }

    /** {@code namespace} if it is a valid namespace name (a DNS-1123 label). */
    public static String checkNamespace(String namespace) {
        if (namespace == null
                || namespace.length() > MAX_LENGTH
                || !DNS_1123.matcher(namespace).matches()) {
            throw RegistryException.invalid(
                    "namespace",
                    "'" + namespace + "' is not a valid namespace: lower-case letters, digits and '-',"
                            + " starting and ending with a letter or digit, at most " + MAX_LENGTH + " characters");
        }
        return namespace;
    }

    private static String trimDashes(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '-') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '-') {
            end--;
        }
        return s.substring(start, end);
    }

    private static String hash(String s) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
