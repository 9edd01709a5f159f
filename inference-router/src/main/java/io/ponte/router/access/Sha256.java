package io.ponte.router.access;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of bearer tokens with one reused digest and buffers per thread. */
final class Sha256 {

    static final int LENGTH = 32;

    private static final ThreadLocal<Sha256> PER_THREAD = ThreadLocal.withInitial(Sha256::new);

    private final MessageDigest digest;
    private final byte[] out = new byte[LENGTH];
    private byte[] in = new byte[128];

    private Sha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /**
     * Hashes the UTF-8 bytes of {@code s[from, to)}. The returned array belongs to the calling thread
     * and is overwritten by its next call.
     */
    static byte[] of(String s, int from, int to) {
        return PER_THREAD.get().hash(s, from, to);
    }

    /** Decodes 64 hex digits, or returns null when {@code hex} is anything else. */
    static byte[] parseHex(String hex) {
        if (hex.length() != 2 * LENGTH) {
            return null;
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                return null;
            }
        }
        return HexFormat.of().parseHex(hex);
    }

    private byte[] hash(String s, int from, int to) {
        int length = to - from;
        if (in.length < length) {
            in = new byte[Math.max(length, 2 * in.length)];
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(from + i);
            if (c >= 0x80) {
                digest.update(s.substring(from, to).getBytes(StandardCharsets.UTF_8));
                return finish();
            }
            in[i] = (byte) c;
        }
        digest.update(in, 0, length);
        return finish();
    }

    private byte[] finish() {
        try {
            digest.digest(out, 0, LENGTH);
            return out;
        } catch (DigestException e) {
            throw new IllegalStateException(e);
        }
    }
}
