package dev.crossbench.data;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a UTF-8 file line by line with 1-based line numbers. It decodes by hand rather than through a
 * Reader so that invalid UTF-8 is reported on the right line, strips a leading byte order mark, accepts
 * LF, CRLF and CR endings, and refuses a line over a size limit instead of filling memory with it.
 */
final class TextLines implements Closeable {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** One physical line, without its line ending. */
    record Line(long number, String text) {
        boolean isBlank() {
            return text.isBlank();
        }
    }

    private final Path file;
    private final int maxLineChars;
    private final SeekableByteChannel channel;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
    private boolean inputDone;
    private boolean decoderFlushed;
    private boolean atFileStart = true;
    private boolean skipLineFeed;
    private long lastLineNumber;
    private Line pushedBack;

    private TextLines(Path file, int maxLineChars, SeekableByteChannel channel) {
        this.file = file;
        this.maxLineChars = maxLineChars;
        this.channel = channel;
    }

    static TextLines open(Path file, int maxLineChars) throws IOException {
        return new TextLines(file, maxLineChars, Files.newByteChannel(file));
    }

    /** The number of the line most recently returned (0 before the first). */
    long lineNumber() {
        return pushedBack != null ? pushedBack.number() - 1 : lastLineNumber;
    }

    /** Gives a line back so the next call to {@link #next()} returns it again (one line deep). */
    void unread(Line line) {
        if (pushedBack != null) {
            throw new IllegalStateException("only one line can be pushed back");
        }
        pushedBack = line;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        if (pushedBack != null) {
            Line line = pushedBack;
            pushedBack = null;
            return line;
        }
        StringBuilder text = new StringBuilder();
        boolean sawAnything = false;
        while (true) {
            if (!chars.hasRemaining() && !fill()) {
                return sawAnything ? emit(text) : null;
            }
            char c = chars.get();
            if (atFileStart) {
                atFileStart = false;
                if (c == BYTE_ORDER_MARK) {
                    continue;
                }
            }
            if (skipLineFeed) {
                skipLineFeed = false;
                if (c == '\n') {
                    continue;
                }
            }
            sawAnything = true;
            if (c == '\n') {
                return emit(text);
            }
            if (c == '\r') {
                skipLineFeed = true; // the LF of a CRLF may arrive in the next buffer
                return emit(text);
            }
            if (text.length() >= maxLineChars) {
                throw new DataFormatException(file, lastLineNumber + 1,
                        "line is over " + maxLineChars + " characters; refusing to read it");
            }
            text.append(c);
        }
    }

    /** The next line that is not blank, or null at the end of the file. */
    Line nextNonBlank() throws IOException {
        Line line;
        do {
            line = next();
        } while (line != null && line.isBlank());
        return line;
    }

    private Line emit(StringBuilder text) {
        lastLineNumber++;
        return new Line(lastLineNumber, text.toString());
    }

    /** Decodes more characters into {@code chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        chars.clear();
        if (decoderFlushed) {
            chars.flip(); // a flushed decoder refuses to decode again: the end stays the end
            return false;
        }
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, inputDone);
            if (result.isError()) {
                chars.flip();
                throw new DataFormatException(file, lineOfPendingError(),
                        "not valid UTF-8 text (save the file with UTF-8 encoding)");
            }
            if (result.isOverflow() || chars.position() > 0 && !inputDone) {
                break;
            }
            if (inputDone) {
                if (!decoderFlushed) {
                    decoder.flush(chars);
                    decoderFlushed = true;
                }
                break;
            }
            bytes.compact();
            int read = channel.read(bytes);
            bytes.flip();
            if (read < 0) {
                inputDone = true;
            }
        }
        chars.flip();
        return chars.hasRemaining();
    }

    /** The line holding the bad bytes: the line being read plus the line breaks decoded before them. */
    private long lineOfPendingError() {
        long line = lastLineNumber + 1;
        int start = chars.position();
        if (skipLineFeed && start < chars.limit() && chars.get(start) == '\n') {
            start++; // the LF that ends an already counted CRLF
        }
        for (int i = start; i < chars.limit(); i++) {
            char c = chars.get(i);
            boolean crlf = c == '\r' && i + 1 < chars.limit() && chars.get(i + 1) == '\n';
            if (c == '\n' || c == '\r' && !crlf) {
                line++;
            }
        }
        return line;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
