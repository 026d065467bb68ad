package dev.crossbench.model.engine;

import ai.djl.engine.Engine;
import dev.crossbench.model.ModelLoadException;

/** Starts DJL engines offline: nothing may be downloaded at run time. */
public final class Engines {
    private Engines() {}

    private static void offline() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    public static Engine pytorch() {
        return get("PyTorch");
    }

    /** Also required before touching OrtEnvironment directly. */
    public static Engine onnxRuntime() {
        return get("OnnxRuntime");
    }

    private static Engine get(String name) {
        offline();
        try {
            return Engine.getEngine(name);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new ModelLoadException("the " + name + " engine cannot start (" + e.getMessage()
                    + "); its native library must be on the classpath", e);
        }
    }

    /** "PyTorch 2.7.1 on CPU": the engine and device a PyTorch model runs on, as reports name them. */
    public static String pytorchOn(ai.djl.Device device) {
        return "PyTorch " + pytorch().getVersion() + " on " + deviceName(device);
    }

    /** A device as users name it: "CPU", "GPU 0" (DJL prints "cpu()" and "gpu(0)"). */
    public static String deviceName(ai.djl.Device device) {
        String type = device.getDeviceType();
        if (ai.djl.Device.Type.CPU.equals(type)) {
            return "CPU";
        }
        String kind = ai.djl.Device.Type.GPU.equals(type) ? "GPU" : type.toUpperCase(java.util.Locale.ROOT);
        return device.getDeviceId() < 0 ? kind : kind + " " + device.getDeviceId();
    }
}
