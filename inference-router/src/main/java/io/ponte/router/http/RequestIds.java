package io.ponte.router.http;

import java.util.concurrent.ThreadLocalRandom;

/** Request ids: the client's {@code x-request-id} when it is sane, else a fresh random one. */
final class RequestIds {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private RequestIds() {}

    static String from(String header) {
        if (header != null && !header.isEmpty() && header.length() <= 128 && sane(header)) {
            return header;
        }
        return fresh();
    }

    static String fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[32];
        long a = random.nextLong();
        long b = random.nextLong();
        for (int i = 0; i < 16; i++) {
            out[i] = HEX[(int) (a >>> (i * 4)) & 0xf];
            out[16 + i] = HEX[(int) (b >>> (i * 4)) & 0xf];
        }
        return new String(out);
    }

    private static boolean sane(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == ':';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
