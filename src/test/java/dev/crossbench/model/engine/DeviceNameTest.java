package dev.crossbench.model.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import org.junit.jupiter.api.Test;

/** Reports and the status bar name devices as users do, not as DJL prints them ("cpu()", "gpu(0)"). */
class DeviceNameTest {
    @Test
    void devicesAreNamedForUsers() {
        assertEquals("CPU", Engines.deviceName(Device.cpu()));
        assertEquals("GPU 0", Engines.deviceName(Device.gpu()));
        assertEquals("GPU 1", Engines.deviceName(Device.gpu(1)));
    }
}
