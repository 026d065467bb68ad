package dev.crossbench.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

/**
 * Makes hostile inputs from a valid seed: random bytes, byte flips, spliced and truncated ranges, repeated
 * lines, and tokens that readers have to think about (separators, quotes, line ends, a BOM, invalid UTF-8,
 * NUL and ESC, huge, negative and non-finite numbers). Deterministic for a given Random.
 */
final class Mutator {
    private static final String[] TOKENS = {",", "\t", "\"", "\"\"", "\n", "\r", "\r\n", "\uFEFF", "\u0000", "\u001b]52;c;",
        "{", "}", "[", "]", ":", "null", "true", "NaN", "Infinity", "-Infinity", "1e308", "-1e308", "1e999", "-5", "0",
        "2147483648", "9223372036854775808", "1.5", "\"\"\"", "\\", "\\u0000", "query-id", "corpus-id", "score", "_id", "text",
        "sentence1", "sentence2", "Q0", "dtype", "shape", "data_offsets", "F32", "BF16", "I64", "hidden_size",
        "num_attention_heads", "num_hidden_layers", "vocab_size", "x".repeat(5000)};
    private static final byte[][] BAD_UTF8 = {{(byte) 0xC3}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};

    private Mutator() {}

    /** One hostile variant of {@code seed}: a few stacked mutations, or now and then pure random bytes. */
    static byte[] mutate(byte[] seed, Random r) {
        if (r.nextInt(10) == 0) {
            byte[] noise = new byte[r.nextInt(2048)];
            r.nextBytes(noise);
            return noise;
        }
        byte[] b = seed;
        int rounds = 1 + r.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = once(b, r);
        }
        return b;
    }

    private static byte[] once(byte[] b, Random r) {
        int at = b.length == 0 ? 0 : r.nextInt(b.length + 1);
        switch (r.nextInt(8)) {
            case 0 -> { // flip a byte
                if (b.length > 0) {
                    b = b.clone();
                    b[Math.min(at, b.length - 1)] ^= (byte) (1 << r.nextInt(8));
                }
                return b;
            }
            case 1 -> { // truncate
                return Arrays.copyOf(b, at);
            }
            case 2 -> { // delete a range
                int end = Math.min(b.length, at + r.nextInt(64));
                return concat(Arrays.copyOf(b, at), Arrays.copyOfRange(b, end, b.length));
            }
            case 3 -> { // duplicate a range
                int end = Math.min(b.length, at + r.nextInt(200));
                byte[] piece = Arrays.copyOfRange(b, at, end);
                return concat(concat(Arrays.copyOf(b, end), piece), Arrays.copyOfRange(b, end, b.length));
            }
            case 4 -> { // invalid UTF-8
                return insert(b, at, BAD_UTF8[r.nextInt(BAD_UTF8.length)]);
            }
            case 5 -> { // random bytes
                byte[] noise = new byte[1 + r.nextInt(16)];
                r.nextBytes(noise);
                return insert(b, at, noise);
            }
            default -> { // a token readers must handle
                return insert(b, at, TOKENS[r.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        return concat(concat(Arrays.copyOf(b, at), piece), Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] concat(byte[] a, byte[] c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + c.length);
        out.writeBytes(a);
        out.writeBytes(c);
        return out.toByteArray();
    }
}
