package dev.crossbench.model.onnx;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protobuf wire-format decoder over a byte buffer (usually a slice of a mapped file).
 * Length-delimited fields come back as slices, so a 100 MB tensor is never copied until asked for.
 */
public final class ProtobufReader {
    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;

    /** The input is not valid protobuf; the message says where it went wrong. */
    public static final class FormatException extends RuntimeException {
        public FormatException(String message) {
            super(message);
        }
    }

    private final ByteBuffer buf;

    /** Reads from the buffer's position to its limit; the caller's buffer is not moved. */
    public ProtobufReader(ByteBuffer buffer) {
        this.buf = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public boolean hasNext() {
        return buf.hasRemaining();
    }

    /** Offset within this message, for error messages. */
    public int position() {
        return buf.position();
    }

    /** Reads the next key; split it with {@link #fieldNumber} and {@link #wireType}. */
    public int readTag() {
        long tag = readVarint();
        if (tag <= 0 || tag > 0xFFFF_FFFFL || (tag >>> 3) == 0) {
            throw new FormatException("invalid field tag " + tag + " at offset " + (buf.position()));
        }
        return (int) tag;
    }

    public static int fieldNumber(int tag) {
        return tag >>> 3;
    }

    public static int wireType(int tag) {
        return tag & 7;
    }

    public long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1);
            byte b = buf.get();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new FormatException("varint longer than 10 bytes at offset " + buf.position());
    }

    public long readFixed64() {
        need(8);
        return buf.getLong();
    }

    public int readFixed32() {
        need(4);
        return buf.getInt();
    }

    /** A length-delimited field as a little-endian slice of the underlying buffer. */
    public ByteBuffer readBytes() {
        long len = readVarint();
        if (len < 0 || len > buf.remaining()) {
            throw new FormatException("length " + len + " at offset " + buf.position()
                    + " runs past the end of its message (" + buf.remaining() + " bytes left)");
        }
        ByteBuffer slice = buf.slice().order(ByteOrder.LITTLE_ENDIAN);
        slice.limit((int) len);
        buf.position(buf.position() + (int) len);
        return slice;
    }

    public String readString() {
        ByteBuffer b = readBytes();
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public ProtobufReader readMessage() {
        return new ProtobufReader(readBytes());
    }

    /** Skips the value of a field we do not use. Groups (wire types 3, 4) are long deprecated. */
    public void skip(int wireType) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> readFixed64();
            case LENGTH_DELIMITED -> readBytes();
            case FIXED32 -> readFixed32();
            default -> throw new FormatException("unsupported wire type " + wireType
                    + " at offset " + buf.position());
        }
    }

    /** Appends one occurrence of a repeated varint field, packed or not, to {@code out}. */
    public void readRepeatedVarint(int wireType, LongList out) {
        if (wireType == LENGTH_DELIMITED) {
            ProtobufReader packed = readMessage();
            while (packed.hasNext()) {
                out.add(packed.readVarint());
            }
        } else if (wireType == VARINT) {
            out.add(readVarint());
        } else {
            throw new FormatException("wire type " + wireType + " for a varint field at offset " + buf.position());
        }
    }

    /** Reads a packed repeated float field in one bulk copy. */
    public float[] readPackedFloats() {
        ByteBuffer b = readBytes();
        if (b.remaining() % 4 != 0) {
            throw new FormatException("packed float field of " + b.remaining() + " bytes is not a multiple of 4");
        }
        FloatBuffer fb = b.asFloatBuffer();
        float[] out = new float[fb.remaining()];
        fb.get(out);
        return out;
    }

    private void need(int n) {
        if (buf.remaining() < n) {
            throw new FormatException("unexpected end of message at offset " + buf.position());
        }
    }

    /** A growable list of longs, so repeated int64 fields need no boxing. */
    public static final class LongList {
        private long[] values = new long[4];
        private int size;

        public void add(long v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        public long[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
