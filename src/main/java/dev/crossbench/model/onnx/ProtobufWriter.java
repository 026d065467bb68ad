package dev.crossbench.model.onnx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal protobuf wire-format encoder, the writing half of {@link ProtobufReader}. A message is
 * kept as a list of byte chunks, so nesting a message (a 90 MB graph inside a model) appends its
 * chunks instead of copying them: a model is held in memory once and streamed out with {@link #writeTo}.
 */
public final class ProtobufWriter {
    private final List<byte[]> chunks = new ArrayList<>();
    private ByteArrayOutputStream current = new ByteArrayOutputStream();
    private long size;

    public ProtobufWriter varint(int field, long value) {
        tag(field, ProtobufReader.VARINT);
        rawVarint(value);
        return this;
    }

    public ProtobufWriter fixed32(int field, int value) {
        tag(field, ProtobufReader.FIXED32);
        raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value).array());
        return this;
    }

    public ProtobufWriter fixed64(int field, long value) {
        tag(field, ProtobufReader.FIXED64);
        raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array());
        return this;
    }

    /** A float field (wire type fixed32). */
    public ProtobufWriter float32(int field, float value) {
        return fixed32(field, Float.floatToRawIntBits(value));
    }

    /** A length-delimited field; {@code value} is kept, not copied, so it must not change afterwards. */
    public ProtobufWriter bytes(int field, byte[] value) {
        tag(field, ProtobufReader.LENGTH_DELIMITED);
        rawVarint(value.length);
        if (value.length < 4096) {
            raw(value);
        } else {
            flush();
            chunks.add(value);
            size += value.length;
        }
        return this;
    }

    public ProtobufWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    /** A nested message; its chunks are shared, so {@code m} must not be written to afterwards. */
    public ProtobufWriter message(int field, ProtobufWriter m) {
        m.flush();
        tag(field, ProtobufReader.LENGTH_DELIMITED);
        rawVarint(m.size);
        flush();
        chunks.addAll(m.chunks);
        size += m.size;
        return this;
    }

    /** A packed repeated varint field (e.g. ONNX dims, ints attributes). */
    public ProtobufWriter packedVarints(int field, long... values) {
        ProtobufWriter p = new ProtobufWriter();
        for (long v : values) {
            p.rawVarint(v);
        }
        return message(field, p);
    }

    /** Bytes of the encoded message so far. */
    public long size() {
        return size;
    }

    public byte[] toByteArray() {
        flush();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("message of " + size + " bytes does not fit in an array; use writeTo");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
        try {
            writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public void writeTo(OutputStream out) throws IOException {
        flush();
        for (byte[] c : chunks) {
            out.write(c);
        }
    }

    /** Little-endian bytes of floats, as ONNX raw_data and safetensors hold them. */
    public static byte[] floatsLe(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return b.array();
    }

    /** Little-endian bytes of longs (ONNX int64 raw_data). */
    public static byte[] longsLe(long[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * Long.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return b.array();
    }

    private void tag(int field, int wireType) {
        rawVarint(((long) field << 3) | wireType);
    }

    private void rawVarint(long v) {
        while ((v & ~0x7FL) != 0) {
            current.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
            size++;
        }
        current.write((int) v);
        size++;
    }

    private void raw(byte[] b) {
        current.writeBytes(b);
        size += b.length;
    }

    private void flush() {
        if (current.size() > 0) {
            chunks.add(current.toByteArray());
            current = new ByteArrayOutputStream();
        }
    }
}
