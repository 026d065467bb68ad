package dev.crossbench.model.onnx;

import java.util.List;
import java.util.Map;

/**
 * One ONNX NodeProto: an operator applied to named values.
 *
 * @param intAttributes the node's integer attributes (e.g. Gemm's transB); others are not read
 */
public record OnnxNode(String name, String opType, String domain, List<String> inputs, List<String> outputs,
        Map<String, Long> intAttributes) {

    public long intAttribute(String attribute, long defaultValue) {
        return intAttributes.getOrDefault(attribute, defaultValue);
    }
}
