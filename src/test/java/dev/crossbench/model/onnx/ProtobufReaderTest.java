package dev.crossbench.model.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ProtobufReaderTest {
    @Test
    void decodesAllWireTypes() {
        byte[] bytes = new ProtobufWriter()
                .varint(1, 300)
                .varint(2, -2) // int64 -2 is a 10-byte varint
                .fixed64(3, 0x0102030405060708L)
                .fixed32(4, Float.floatToIntBits(1.5f))
                .string(5, "héllo")
                .packedVarints(6, 1, 128, 1L << 40)
                .bytes(7, ProtobufWriter.floatsLe(new float[] {1f, -2f, 3.25f}))
                .varint(100_000, 9)
                .toByteArray();
        ProtobufReader r = new ProtobufReader(ByteBuffer.wrap(bytes));
        int tag = r.readTag();
        assertEquals(1, ProtobufReader.fieldNumber(tag));
        assertEquals(ProtobufReader.VARINT, ProtobufReader.wireType(tag));
        assertEquals(300, r.readVarint());
        r.readTag();
        assertEquals(-2, r.readVarint());
        assertEquals(ProtobufReader.FIXED64, ProtobufReader.wireType(r.readTag()));
        assertEquals(0x0102030405060708L, r.readFixed64());
        r.readTag();
        assertEquals(1.5f, Float.intBitsToFloat(r.readFixed32()));
        r.readTag();
        assertEquals("héllo", r.readString());
        ProtobufReader.LongList list = new ProtobufReader.LongList();
        r.readRepeatedVarint(ProtobufReader.wireType(r.readTag()), list);
        assertArrayEquals(new long[] {1, 128, 1L << 40}, list.toArray());
        r.readTag();
        assertArrayEquals(new float[] {1f, -2f, 3.25f}, r.readPackedFloats());
        tag = r.readTag();
        assertEquals(100_000, ProtobufReader.fieldNumber(tag));
        r.skip(ProtobufReader.wireType(tag));
        assertFalse(r.hasNext());
    }

    @Test
    void skipsUnknownFieldsOfEveryWireType() {
        byte[] bytes = new ProtobufWriter().varint(1, 5).fixed64(2, 7).string(3, "x").fixed32(4, 1).varint(9, 42)
                .toByteArray();
        ProtobufReader r = new ProtobufReader(ByteBuffer.wrap(bytes));
        for (int i = 0; i < 4; i++) {
            r.skip(ProtobufReader.wireType(r.readTag()));
        }
        assertEquals(9, ProtobufReader.fieldNumber(r.readTag()));
        assertEquals(42, r.readVarint());
    }

    @Test
    void truncatedInputFailsClearly() {
        byte[] bytes = new ProtobufWriter().string(1, "a longer string").toByteArray();
        ProtobufReader r = new ProtobufReader(ByteBuffer.wrap(Arrays.copyOf(bytes, bytes.length - 4)));
        r.readTag();
        assertThrows(ProtobufReader.FormatException.class, r::readBytes);

        ProtobufReader v = new ProtobufReader(ByteBuffer.wrap(new byte[] {(byte) 0x80, (byte) 0x80}));
        assertThrows(ProtobufReader.FormatException.class, v::readVarint);
        ProtobufReader g = new ProtobufReader(ByteBuffer.wrap(new byte[] {0x0B})); // field 1, group start
        assertThrows(ProtobufReader.FormatException.class, () -> g.skip(ProtobufReader.wireType(g.readTag())));
    }
}
