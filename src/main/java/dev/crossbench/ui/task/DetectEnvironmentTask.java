package dev.crossbench.ui.task;

import dev.crossbench.model.device.DeviceDetector;
import dev.crossbench.model.device.DeviceInfo;
import dev.crossbench.model.engine.Engines;
import dev.crossbench.model.engine.PyTorchBertBackend;
import dev.crossbench.ui.workspace.EnvironmentInfo;

/** Probes the device and starts both engines once (loading their native libraries takes a moment). */
public final class DetectEnvironmentTask extends WorkbenchTask<EnvironmentInfo> {

    public DetectEnvironmentTask() {
        super("Detect device and engines");
    }

    @Override
    protected EnvironmentInfo call() {
        updateMessage("probing the device");
        DeviceInfo device = DeviceDetector.detect();
        updateMessage("starting PyTorch and ONNX Runtime");
        String engines = engine("PyTorch", () -> Engines.pytorchOn(PyTorchBertBackend.defaultDevice())) + " · "
                + engine("OnnxRuntime", () -> "ONNX Runtime " + Engines.onnxRuntime().getVersion());
        return new EnvironmentInfo(device, engines);
    }

    private static String engine(String name, java.util.function.Supplier<String> describe) {
        try {
            return describe.get();
        } catch (RuntimeException | LinkageError e) {
            return name + " unavailable (" + e.getMessage() + ")";
        }
    }
}
