package dev.baton.offline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a JSONL stream into lines of strictly decoded UTF-8, one record each, refusing a line longer than
 * a limit as soon as it passes it.
 *
 * <p>A reader built on {@code BufferedReader} would replace malformed bytes silently, read a 3 GB line (a
 * small gzip can inflate to one) until memory runs out, and keep a byte order mark as a character; this
 * one names the line of each of those. One leading UTF-8 byte order mark is skipped.
 */
final class RecordLines {

    private final InputStream in;
    private final String source;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1 << 13];
    private int position;
    private int limit;
    private int lineNumber;

    RecordLines(InputStream in, String source, int maxLineBytes) {
        this.in = in;
        this.source = source;
        this.maxLineBytes = maxLineBytes;
    }

    /** Returns the number of the line last returned, counting from 1. */
    int lineNumber() {
        return lineNumber;
    }

    /**
     * Returns the next line without its line break, or null at the end of the stream.
     *
     * @throws BenchmarkFormatException when the line is longer than the limit or not valid UTF-8
     */
    String next() throws IOException {
        int length = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int end = position;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            length = append(length, end - position);
            boolean lineBreak = end < limit;
            position = lineBreak ? end + 1 : end;
            if (lineBreak) {
                break;
            }
        }
        lineNumber++;
        int start = 0;
        if (lineNumber == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            start = 3; // a byte order mark: some editors write one, and it means nothing in UTF-8
        }
        if (length > start && line[length - 1] == '\r') {
            length--;
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(line, start, length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new BenchmarkFormatException(source + " line " + lineNumber + ": not valid UTF-8");
        }
    }

    private int append(int length, int count) {
        if ((long) length + count > maxLineBytes) {
            throw new BenchmarkFormatException(source + " line " + (lineNumber + 1) + ": longer than " + describe(maxLineBytes)
                    + ", the most a record may hold");
        }
        if (length + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max((long) line.length * 2, length + count)));
        }
        System.arraycopy(buffer, position, line, length, count);
        return length + count;
    }

    static String describe(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
