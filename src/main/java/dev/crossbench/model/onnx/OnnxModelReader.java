package dev.crossbench.model.onnx;

import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the main graph of an ONNX file (ModelProto) without the protobuf runtime. Field numbers
 * follow onnx/onnx.proto: ModelProto.graph=7; GraphProto node=1, initializer=5, input=11,
 * output=12; NodeProto input=1, output=2, name=3, op_type=4, domain=7; TensorProto dims=1,
 * data_type=2, float_data=4, name=8, raw_data=9, data_location=14; ValueInfoProto name=1.
 */
public final class OnnxModelReader {
    private static final int DATA_LOCATION_EXTERNAL = 1;

    private OnnxModelReader() {
    }

    public static OnnxGraph read(Path file) {
        MappedByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() > Integer.MAX_VALUE) {
                // protobuf itself cannot hold more than 2 GB; larger models use external data
                throw new ModelLoadException(file + ": ONNX file larger than 2 GB is not supported");
            }
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size());
        } catch (IOException e) {
            throw new ModelLoadException(file + ": cannot read ONNX file (" + e.getMessage() + ")", e);
        }
        try {
            return readModel(file, new ProtobufReader(mapped));
        } catch (ProtobufReader.FormatException e) {
            throw new ModelLoadException(file + ": not a valid ONNX file (" + e.getMessage() + ")", e);
        }
    }

    private static OnnxGraph readModel(Path file, ProtobufReader model) {
        OnnxGraph graph = null;
        while (model.hasNext()) {
            int tag = model.readTag();
            if (ProtobufReader.fieldNumber(tag) == 7 && ProtobufReader.wireType(tag) == ProtobufReader.LENGTH_DELIMITED) {
                graph = readGraph(file, model.readMessage());
            } else {
                model.skip(ProtobufReader.wireType(tag));
            }
        }
        if (graph == null) {
            throw new ModelLoadException(file + ": not a valid ONNX file (no graph)");
        }
        return graph;
    }

    private static OnnxGraph readGraph(Path file, ProtobufReader g) {
        List<OnnxNode> nodes = new ArrayList<>();
        Map<String, OnnxTensor> inits = new LinkedHashMap<>();
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        while (g.hasNext()) {
            int tag = g.readTag();
            int wt = ProtobufReader.wireType(tag);
            if (wt != ProtobufReader.LENGTH_DELIMITED) {
                g.skip(wt);
                continue;
            }
            switch (ProtobufReader.fieldNumber(tag)) {
                case 1 -> nodes.add(readNode(g.readMessage()));
                case 5 -> {
                    OnnxTensor t = readTensor(g.readMessage());
                    inits.put(t.name(), t);
                }
                case 11 -> inputs.add(readValueInfoName(g.readMessage()));
                case 12 -> outputs.add(readValueInfoName(g.readMessage()));
                default -> g.skip(wt);
            }
        }
        return new OnnxGraph(file, nodes, inits, inputs, outputs);
    }

    private static OnnxNode readNode(ProtobufReader n) {
        List<String> in = new ArrayList<>();
        List<String> out = new ArrayList<>();
        String name = "";
        String op = "";
        String domain = "";
        Map<String, Long> ints = new LinkedHashMap<>();
        while (n.hasNext()) {
            int tag = n.readTag();
            int wt = ProtobufReader.wireType(tag);
            if (wt != ProtobufReader.LENGTH_DELIMITED) {
                n.skip(wt);
                continue;
            }
            switch (ProtobufReader.fieldNumber(tag)) {
                case 1 -> in.add(n.readString());
                case 2 -> out.add(n.readString());
                case 3 -> name = n.readString();
                case 4 -> op = n.readString();
                case 5 -> readIntAttribute(n.readMessage(), ints);
                case 7 -> domain = n.readString();
                default -> n.skip(wt);
            }
        }
        return new OnnxNode(name, op, domain, in, out, ints);
    }

    /** AttributeProto name=1, i=3; attributes without an int value are left out. */
    private static void readIntAttribute(ProtobufReader a, Map<String, Long> out) {
        String name = null;
        Long value = null;
        while (a.hasNext()) {
            int tag = a.readTag();
            int wt = ProtobufReader.wireType(tag);
            int field = ProtobufReader.fieldNumber(tag);
            if (field == 1 && wt == ProtobufReader.LENGTH_DELIMITED) {
                name = a.readString();
            } else if (field == 3 && wt == ProtobufReader.VARINT) {
                value = a.readVarint();
            } else {
                a.skip(wt);
            }
        }
        if (name != null && value != null) {
            out.put(name, value);
        }
    }

    static OnnxTensor readTensor(ProtobufReader t) {
        ProtobufReader.LongList dims = new ProtobufReader.LongList();
        int dataType = 0;
        String name = "";
        ByteBuffer raw = null;
        float[] floats = null;
        FloatList unpacked = null;
        boolean external = false;
        while (t.hasNext()) {
            int tag = t.readTag();
            int wt = ProtobufReader.wireType(tag);
            switch (ProtobufReader.fieldNumber(tag)) {
                case 1 -> t.readRepeatedVarint(wt, dims);
                case 2 -> {
                    if (wt == ProtobufReader.VARINT) {
                        dataType = (int) t.readVarint();
                    } else {
                        t.skip(wt);
                    }
                }
                case 4 -> {
                    if (wt == ProtobufReader.LENGTH_DELIMITED) {
                        floats = concat(floats, t.readPackedFloats());
                    } else if (wt == ProtobufReader.FIXED32) {
                        unpacked = unpacked == null ? new FloatList() : unpacked;
                        unpacked.add(Float.intBitsToFloat(t.readFixed32()));
                    } else {
                        t.skip(wt);
                    }
                }
                case 8 -> name = wt == ProtobufReader.LENGTH_DELIMITED ? t.readString() : skipped(t, wt, name);
                case 9 -> raw = wt == ProtobufReader.LENGTH_DELIMITED ? t.readBytes() : skipped(t, wt, raw);
                case 14 -> external = wt == ProtobufReader.VARINT ? t.readVarint() == DATA_LOCATION_EXTERNAL
                        : skipped(t, wt, external);
                default -> t.skip(wt);
            }
        }
        if (unpacked != null) {
            floats = concat(floats, unpacked.toArray());
        }
        return new OnnxTensor(name, dataType, dims.toArray(), raw, floats, external);
    }

    /** Skips a field whose wire type does not match the schema and keeps the current value. */
    private static <T> T skipped(ProtobufReader r, int wireType, T current) {
        r.skip(wireType);
        return current;
    }

    private static String readValueInfoName(ProtobufReader v) {
        String name = "";
        while (v.hasNext()) {
            int tag = v.readTag();
            if (ProtobufReader.fieldNumber(tag) == 1 && ProtobufReader.wireType(tag) == ProtobufReader.LENGTH_DELIMITED) {
                name = v.readString();
            } else {
                v.skip(ProtobufReader.wireType(tag));
            }
        }
        return name;
    }

    private static float[] concat(float[] a, float[] b) {
        if (a == null) {
            return b;
        }
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** Growable float array for the rare unpacked float_data encoding. */
    private static final class FloatList {
        private float[] values = new float[16];
        private int size;

        void add(float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
