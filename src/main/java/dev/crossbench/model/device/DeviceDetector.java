package dev.crossbench.model.device;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Reads the device from /proc and DJL's CUDA probe; never fails (unknown fields say so). */
public final class DeviceDetector {
    private static volatile DeviceInfo cached;

    private DeviceDetector() {}

    public static DeviceInfo detect() {
        DeviceInfo d = cached;
        if (d == null) {
            d = new DeviceInfo(gpu(), cpuModel(lines("/proc/cpuinfo")), Runtime.getRuntime().availableProcessors(),
                    simd(lines("/proc/cpuinfo")), ram(lines("/proc/meminfo")),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            cached = d;
        }
        return d;
    }

    static Optional<DeviceInfo.GpuInfo> gpu() {
        try {
            if (!CudaUtils.hasCuda() || CudaUtils.getGpuCount() < 1) {
                return Optional.empty();
            }
            String cc = CudaUtils.getComputeCapability(0);
            long mem = CudaUtils.getGpuMemory(Device.gpu()).getMax();
            return Optional.of(new DeviceInfo.GpuInfo(nvidiaSmiName().orElse("CUDA GPU 0"), mem, cc));
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            return Optional.empty();
        }
    }

    private static Optional<String> nvidiaSmiName() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=name", "--format=csv,noheader").redirectErrorStream(true).start();
            if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String s = new String(p.getInputStream().readAllBytes()).trim();
            return p.exitValue() == 0 && !s.isEmpty() ? Optional.of(s.lines().findFirst().orElse(s)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    static String cpuModel(List<String> cpuinfo) {
        for (String key : new String[] {"model name", "Hardware", "Processor", "CPU part"}) {
            for (String l : cpuinfo) {
                if (l.startsWith(key) && l.contains(":")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        }
        return System.getProperty("os.arch", "unknown") + " (model unknown)";
    }

    static String simd(List<String> cpuinfo) {
        String flags = "";
        for (String l : cpuinfo) {
            if (l.startsWith("flags") || l.startsWith("Features")) {
                flags = " " + l.substring(l.indexOf(':') + 1).trim() + " ";
                break;
            }
        }
        if (flags.contains(" amx_tile ")) {
            return "AMX+AVX-512";
        }
        if (flags.contains(" avx512f ")) {
            return flags.contains(" avx512_bf16 ") ? "AVX-512 (BF16)" : "AVX-512";
        }
        if (flags.contains(" avx2 ")) {
            return flags.contains(" fma ") ? "AVX2+FMA" : "AVX2";
        }
        if (flags.contains(" avx ")) {
            return "AVX";
        }
        if (flags.contains(" sse4_2 ")) {
            return "SSE4.2";
        }
        if (flags.contains(" asimd ") || flags.contains(" neon ")) {
            return flags.contains(" sve ") ? "NEON+SVE" : "NEON";
        }
        return "unknown";
    }

    static long ram(List<String> meminfo) {
        for (String l : meminfo) {
            if (l.startsWith("MemTotal:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize();
        }
        return 0;
    }
}
