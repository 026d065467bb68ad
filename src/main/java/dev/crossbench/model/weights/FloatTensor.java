package dev.crossbench.model.weights;

import java.util.Arrays;

/** A named fp32 tensor held on the Java heap, row-major, as read from or written to safetensors. */
public record FloatTensor(String name, long[] shape, float[] data) {
    public FloatTensor {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("tensor " + name + ": shape " + Arrays.toString(shape)
                    + " holds " + n + " values, data has " + data.length);
        }
    }

    public long size() {
        return data.length;
    }
}
