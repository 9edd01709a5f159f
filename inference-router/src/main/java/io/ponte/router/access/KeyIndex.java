package io.ponte.router.access;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Configured key hashes, sorted by their first eight bytes so that a lookup is a binary search and
 * one constant-time comparison, without allocation. Which entry a search lands on depends only on
 * the hash of the presented token, so its timing tells an attacker nothing useful.
 */
final class KeyIndex {

    private static final VarHandle LONG_AT = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    /** One configured key: its SHA-256 and what presenting it yields. */
    record Entry(byte[] hash, Authentication result) {}

    private final long[] prefixes;
    private final Entry[] entries;

    KeyIndex(List<Entry> configured) {
        entries = configured.stream()
                .sorted(Comparator.comparingLong(e -> prefix(e.hash())))
                .toArray(Entry[]::new);
        prefixes = Arrays.stream(entries).mapToLong(e -> prefix(e.hash())).toArray();
    }

    boolean isEmpty() {
        return entries.length == 0;
    }

    int size() {
        return entries.length;
    }

    /** The entry whose hash equals {@code hash}, or null. */
    Authentication find(byte[] hash) {
        long prefix = prefix(hash);
        int i = Arrays.binarySearch(prefixes, prefix);
        if (i < 0) {
            return null;
        }
        while (i > 0 && prefixes[i - 1] == prefix) {
            i--;
        }
        for (; i < prefixes.length && prefixes[i] == prefix; i++) {
            if (MessageDigest.isEqual(entries[i].hash(), hash)) {
                return entries[i].result();
            }
        }
        return null;
    }

    private static long prefix(byte[] hash) {
        return (long) LONG_AT.get(hash, 0);
    }
}
