package dev.crossbench.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.crossbench.core.CrossbenchException;
import dev.crossbench.model.engine.Engines;
import dev.crossbench.model.onnx.ProtobufWriter;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * The measured ceiling that throughput is compared with: fp32 GFLOP/s of an n×n matmul
 * (2n³ FLOPs) on an engine, best and median of several timed runs after warm-up.
 */
public final class MatmulRoofline {
    private MatmulRoofline() {}

    public record Result(String engine, int n, double bestGflops, double medianGflops, int runs) {}

    public static Result pytorch(int n, int warmups, int runs) {
        Engines.pytorch();
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu(), "PyTorch")) {
            NDArray a = m.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = m.randomUniform(-1, 1, new Shape(n, n));
            double[] secs = new double[runs];
            for (int i = 0; i < warmups + runs; i++) {
                try (NDManager sub = m.newSubManager()) {
                    long t0 = System.nanoTime();
                    NDArray c = a.matMul(b);
                    c.attach(sub);
                    c.getFloat(0, 0); // materialise (CPU ops are synchronous; this also syncs CUDA)
                    long t1 = System.nanoTime();
                    if (i >= warmups) {
                        secs[i - warmups] = (t1 - t0) / 1e9;
                    }
                }
            }
            return result("PyTorch", n, secs);
        }
    }

    public static Result onnxRuntime(int n, int warmups, int runs) {
        Engines.onnxRuntime();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions opts = new OrtSession.SessionOptions();
                OrtSession session = env.createSession(matmulModel(n), opts)) {
            float[] data = new float[n * n];
            Random r = new Random(1);
            for (int i = 0; i < data.length; i++) {
                data[i] = r.nextFloat() * 2 - 1;
            }
            long[] shape = {n, n};
            try (OnnxTensor a = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape);
                    OnnxTensor b = OnnxTensor.createTensor(env, FloatBuffer.wrap(data), shape)) {
                double[] secs = new double[runs];
                for (int i = 0; i < warmups + runs; i++) {
                    long t0 = System.nanoTime();
                    try (OrtSession.Result res = session.run(Map.of("A", a, "B", b))) {
                        long t1 = System.nanoTime();
                        if (i >= warmups) {
                            secs[i - warmups] = (t1 - t0) / 1e9;
                        }
                    }
                }
                return result("OnnxRuntime", n, secs);
            }
        } catch (OrtException e) {
            throw new CrossbenchException("ONNX Runtime matmul benchmark failed: " + e.getMessage(), e);
        }
    }

    /** C = A·B for two float inputs of shape [n, n], for checks of the hand-written graph. */
    public static float[] onnxMultiply(float[] a, float[] b, int n) {
        Engines.onnxRuntime();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(matmulModel(n), new OrtSession.SessionOptions());
                OnnxTensor ta = OnnxTensor.createTensor(env, FloatBuffer.wrap(a), new long[] {n, n});
                OnnxTensor tb = OnnxTensor.createTensor(env, FloatBuffer.wrap(b), new long[] {n, n});
                OrtSession.Result res = session.run(Map.of("A", ta, "B", tb))) {
            float[][] c = (float[][]) res.get(0).getValue();
            float[] flat = new float[n * n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(c[i], 0, flat, i * n, n);
            }
            return flat;
        } catch (OrtException e) {
            throw new CrossbenchException("ONNX Runtime matmul failed: " + e.getMessage(), e);
        }
    }

    private static Result result(String engine, int n, double[] secs) {
        double flops = 2.0 * n * n * n;
        double[] sorted = secs.clone();
        Arrays.sort(sorted);
        double median = sorted[sorted.length / 2];
        return new Result(engine, n, flops / sorted[0] / 1e9, flops / median / 1e9, secs.length);
    }

    /** A one-node ONNX model (MatMul of inputs A and B, output C), written as protobuf by hand. */
    static byte[] matmulModel(int n) {
        ProtobufWriter node = new ProtobufWriter().string(1, "A").string(1, "B").string(2, "C").string(3, "matmul").string(4, "MatMul");
        ProtobufWriter graph = new ProtobufWriter().message(1, node).string(2, "roofline")
                .message(11, valueInfo("A", n)).message(11, valueInfo("B", n)).message(12, valueInfo("C", n));
        ProtobufWriter opset = new ProtobufWriter().string(1, "").varint(2, 13);
        return new ProtobufWriter().varint(1, 8).message(8, opset).message(7, graph).toByteArray();
    }

    private static ProtobufWriter valueInfo(String name, int n) {
        ProtobufWriter shape = new ProtobufWriter().message(1, new ProtobufWriter().varint(1, n))
                .message(1, new ProtobufWriter().varint(1, n));
        ProtobufWriter tensor = new ProtobufWriter().varint(1, 1).message(2, shape); // elem_type 1 = FLOAT
        ProtobufWriter type = new ProtobufWriter().message(1, tensor);
        return new ProtobufWriter().string(1, name).message(2, type);
    }
}
