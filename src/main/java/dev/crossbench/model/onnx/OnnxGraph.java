package dev.crossbench.model.onnx;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parts of an ONNX model's main graph that weight import needs. */
public final class OnnxGraph {
    private final Path source;
    private final List<OnnxNode> nodes;
    private final Map<String, OnnxTensor> initializers;
    private final List<String> inputs;
    private final List<String> outputs;
    private final Map<String, List<OnnxNode>> consumers = new HashMap<>();

    public OnnxGraph(Path source, List<OnnxNode> nodes, Map<String, OnnxTensor> initializers,
            List<String> inputs, List<String> outputs) {
        this.source = source;
        this.nodes = List.copyOf(nodes);
        this.initializers = Collections.unmodifiableMap(initializers);
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        for (OnnxNode n : this.nodes) {
            for (String in : n.inputs()) {
                consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
            }
        }
    }

    public Path source() {
        return source;
    }

    /** Nodes in file order (topologically sorted, as ONNX requires). */
    public List<OnnxNode> nodes() {
        return nodes;
    }

    /** Initializers by name, in file order. */
    public Map<String, OnnxTensor> initializers() {
        return initializers;
    }

    /** Graph input names (may include initializer names in older IR versions). */
    public List<String> inputs() {
        return inputs;
    }

    public List<String> outputs() {
        return outputs;
    }

    /** The nodes that read the named value. */
    public List<OnnxNode> consumers(String valueName) {
        return consumers.getOrDefault(valueName, List.of());
    }
}
