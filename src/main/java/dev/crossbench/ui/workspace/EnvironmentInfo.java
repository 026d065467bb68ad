package dev.crossbench.ui.workspace;

import dev.crossbench.model.device.DeviceInfo;

/** The detected device and the inference engines as they started on it. */
public record EnvironmentInfo(DeviceInfo device, String engines) {}
