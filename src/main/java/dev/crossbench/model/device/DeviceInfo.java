package dev.crossbench.model.device;

import java.util.Optional;

/** The compute device this process sees: the GPU when CUDA is usable, and always the CPU. */
public record DeviceInfo(Optional<GpuInfo> gpu, String cpuModel, int logicalCores, String simd, long ramBytes,
        String os, String java) {

    public record GpuInfo(String name, long memoryBytes, String computeCapability) {}

    public String summary() {
        String cpu = String.format("CPU: %s, %d cores, %s, %.1f GiB RAM", cpuModel, logicalCores, simd,
                ramBytes / (1024.0 * 1024 * 1024));
        return gpu.map(g -> String.format("GPU: %s, %.1f GiB (compute %s); ", g.name(),
                g.memoryBytes() / (1024.0 * 1024 * 1024), g.computeCapability())).orElse("") + cpu;
    }
}
