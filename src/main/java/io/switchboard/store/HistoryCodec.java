package io.switchboard.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;

/**
 * A run's history as stored: its JSON, compressed with raw DEFLATE against a preset dictionary of the
 * words every history repeats (the record's keys, the step types, their details' keys and outcomes).
 * History is most of a run item and a write costs one unit per KB, so the bytes it saves are what lets a
 * longer run stay within one unit, and what a contact and its run's live state must fit into to be one item.
 *
 * <p>Stored bytes start with a format byte. The dictionary of a format never changes once written (a test
 * pins it): a better one is a new format, and every format ever written stays readable, as do the gzip'd
 * histories stored before the first format (they start with gzip's magic bytes, 0x1f 0x8b).
 */
final class HistoryCodec {

    /** Raw DEFLATE with {@code history-dictionary-v1.txt}. */
    static final byte DICTIONARY_V1 = 1;

    private static final byte[] V1 = resource("/store/history-dictionary-v1.txt");
    private static final int GZIP_MAGIC = 0x1f;

    private HistoryCodec() {
    }

    static byte[] encode(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setDictionary(V1);
            deflater.setInput(text);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 3 + 16);
            out.write(DICTIONARY_V1);
            byte[] buffer = new byte[Math.max(64, text.length)];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    static String decode(byte[] stored) {
        if (stored.length == 0) {
            throw new IllegalStateException("stored run history is empty");
        }
        if ((stored[0] & 0xff) == GZIP_MAGIC) {
            return gunzip(stored);
        }
        if (stored[0] != DICTIONARY_V1) {
            throw new IllegalStateException("stored run history has format " + (stored[0] & 0xff)
                    + ", which this version cannot read (it knows gzip and " + DICTIONARY_V1 + ")");
        }
        // raw DEFLATE asks for its dictionary before the first byte, not through needsDictionary()
        Inflater inflater = new Inflater(true);
        try {
            inflater.setDictionary(V1);
            inflater.setInput(stored, 1, stored.length - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream(stored.length * 4);
            byte[] buffer = new byte[Math.max(256, stored.length * 4)];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("stored run history is cut short");
                }
                out.write(buffer, 0, n);
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("stored run history is unreadable", e);
        } finally {
            inflater.end();
        }
    }

    private static String gunzip(byte[] bytes) {
        try (var zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = HistoryCodec.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
