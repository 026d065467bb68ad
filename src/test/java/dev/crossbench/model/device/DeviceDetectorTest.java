package dev.crossbench.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceDetectorTest {
    @Test
    void readsX86CpuInfo() {
        List<String> cpuinfo = List.of("processor\t: 0", "model name\t: AMD EPYC 7B13 64-Core Processor",
                "flags\t\t: fpu sse4_2 avx fma avx2 bmi2");
        assertEquals("AMD EPYC 7B13 64-Core Processor", DeviceDetector.cpuModel(cpuinfo));
        assertEquals("AVX2+FMA", DeviceDetector.simd(cpuinfo));
        assertEquals("AVX-512 (BF16)", DeviceDetector.simd(List.of("flags : avx2 fma avx512f avx512_bf16")));
    }

    @Test
    void readsArmCpuInfoWithoutModelName() {
        List<String> cpuinfo = List.of("processor\t: 0", "Features\t: fp asimd evtstrm aes sve", "CPU part\t: 0xd40");
        assertEquals("0xd40", DeviceDetector.cpuModel(cpuinfo));
        assertEquals("NEON+SVE", DeviceDetector.simd(cpuinfo));
    }

    @Test
    void readsMemInfo() {
        assertEquals(24_000_000L * 1024, DeviceDetector.ram(List.of("MemTotal:       24000000 kB", "MemFree: 1 kB")));
    }

    @Test
    void detectsThisMachine() {
        DeviceInfo d = DeviceDetector.detect();
        assertFalse(d.cpuModel().isBlank());
        assertTrue(d.logicalCores() >= 1);
        assertTrue(d.ramBytes() > 1L << 30, "RAM " + d.ramBytes());
        assertTrue(d.summary().contains("CPU: "), d.summary());
    }
}
