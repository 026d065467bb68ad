package dev.crossbench.model.onnx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Builds an ONNX model (ModelProto) with {@link ProtobufWriter}: graph inputs and outputs with fixed
 * or named (dynamic) dimensions, initializers from our weights, and nodes of the default domain.
 * Field numbers follow onnx.proto3.
 */
public final class OnnxGraphWriter {
    public static final int FLOAT = 1;
    public static final int INT64 = 7;
    /** ONNX IR version 8 goes with opset 17. */
    static final int IR_VERSION = 8;

    /** A node attribute. */
    public record Attr(ProtobufWriter proto) {
        public static Attr i(String name, long value) {
            return new Attr(new ProtobufWriter().string(1, name).varint(3, value).varint(20, 2));
        }

        public static Attr f(String name, float value) {
            return new Attr(new ProtobufWriter().string(1, name).float32(2, value).varint(20, 1));
        }

        public static Attr ints(String name, long... values) {
            return new Attr(new ProtobufWriter().string(1, name).packedVarints(8, values).varint(20, 7));
        }
    }

    // Protobuf fields may come in any order, so nodes, initializers, inputs and outputs go into the graph as they come.
    private final ProtobufWriter graph = new ProtobufWriter();
    private int counter;

    public OnnxGraphWriter(String name) {
        graph.string(2, name);
    }

    /** A graph input; each dim is a Long (fixed) or a String (a named dynamic axis). */
    public String input(String name, int elemType, Object... dims) {
        graph.message(11, valueInfo(name, elemType, dims));
        return name;
    }

    public void output(String name, int elemType, Object... dims) {
        graph.message(12, valueInfo(name, elemType, dims));
    }

    /** A float initializer; returns its name. */
    public String floats(String name, long[] dims, float[] data) {
        graph.message(5, tensor(name, dims, FLOAT).bytes(9, ProtobufWriter.floatsLe(data)));
        return name;
    }

    /** An int64 initializer (shapes, axes, indices); returns its name. */
    public String longs(String name, long[] dims, long... data) {
        graph.message(5, tensor(name, dims, INT64).bytes(9, ProtobufWriter.longsLe(data)));
        return name;
    }

    /** A node of the default domain with one output, named after the op unless {@code output} is given. */
    public String node(String op, List<String> in, String output, Attr... attrs) {
        String out = output != null ? output : op + "_" + (counter++);
        ProtobufWriter n = new ProtobufWriter();
        for (String i : in) {
            n.string(1, i);
        }
        n.string(2, out).string(3, out).string(4, op);
        for (Attr a : attrs) {
            n.message(5, a.proto());
        }
        graph.message(1, n);
        return out;
    }

    public String node(String op, List<String> in, Attr... attrs) {
        return node(op, in, null, attrs);
    }

    /** Writes the model: opset {@code opset} of the default domain. */
    public void writeTo(OutputStream out, int opset, String producer, String docString) throws IOException {
        graph.string(10, docString);
        ProtobufWriter opsetId = new ProtobufWriter().string(1, "").varint(2, opset);
        new ProtobufWriter().varint(1, IR_VERSION).string(2, producer).message(8, opsetId).message(7, graph).writeTo(out);
    }

    private static ProtobufWriter tensor(String name, long[] dims, int type) {
        ProtobufWriter t = new ProtobufWriter();
        for (long d : dims) {
            t.varint(1, d);
        }
        return t.varint(2, type).string(8, name);
    }

    private static ProtobufWriter valueInfo(String name, int elemType, Object... dims) {
        ProtobufWriter shape = new ProtobufWriter();
        for (Object d : dims) {
            ProtobufWriter dim = d instanceof String s ? new ProtobufWriter().string(2, s)
                    : new ProtobufWriter().varint(1, ((Number) d).longValue());
            shape.message(1, dim);
        }
        ProtobufWriter tensorType = new ProtobufWriter().varint(1, elemType).message(2, shape);
        return new ProtobufWriter().string(1, name).message(2, new ProtobufWriter().message(1, tensorType));
    }
}
