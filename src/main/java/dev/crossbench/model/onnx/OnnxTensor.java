package dev.crossbench.model.onnx;

import dev.crossbench.model.ModelLoadException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * One ONNX TensorProto (an initializer). The data stays a slice of the mapped file until
 * {@link #floats()} copies it out, so reading a graph costs little memory.
 *
 * @param rawData   the raw_data bytes (little-endian), or null
 * @param floatData the float_data field, or null
 * @param external  true when data_location is EXTERNAL (data in a side file, not supported)
 */
public record OnnxTensor(String name, int dataType, long[] dims, ByteBuffer rawData, float[] floatData,
        boolean external) {
    public static final int FLOAT = 1;

    public boolean isFloat() {
        return dataType == FLOAT;
    }

    public long elementCount() {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return n;
    }

    /** The values of a FLOAT tensor, row-major; one bulk copy from raw_data. */
    public float[] floats() {
        if (!isFloat()) {
            throw new ModelLoadException("initializer '" + name + "' has ONNX data type "
                    + typeName(dataType) + ", not FLOAT");
        }
        long n = elementCount();
        if (external) {
            throw new ModelLoadException("initializer '" + name
                    + "' keeps its data in an external file, which is not supported");
        }
        if (rawData != null) {
            if (rawData.remaining() != n * 4) {
                throw new ModelLoadException("initializer '" + name + "' has " + rawData.remaining()
                        + " bytes of raw_data for shape " + Arrays.toString(dims) + " (expected " + n * 4 + ")");
            }
            FloatBuffer fb = rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
            float[] out = new float[(int) n];
            fb.get(out);
            return out;
        }
        float[] data = floatData == null ? new float[0] : floatData;
        if (data.length != n) {
            throw new ModelLoadException("initializer '" + name + "' has " + data.length
                    + " float values for shape " + Arrays.toString(dims) + " (expected " + n + ")");
        }
        return data.clone();
    }

    /** TensorProto.DataType names, for messages. */
    public static String typeName(int dataType) {
        String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64",
            "STRING", "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return dataType >= 0 && dataType < names.length ? names[dataType] : "type " + dataType;
    }

    @Override
    public String toString() {
        return name + " " + typeName(dataType) + Arrays.toString(dims);
    }
}
