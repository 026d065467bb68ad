package dev.crossbench.ui;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts JavaFX into headless Monocle (software rendering, TestFX's glass robot) before TestFX
 * starts the toolkit. Register it before TestFX's ApplicationExtension. The properties are set
 * only for UI test classes, so other tests in the same JVM are unaffected until one of these runs;
 * -Dcrossbench.headed=true keeps a real window for watching a test locally.
 */
public final class HeadlessFx implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        if (Boolean.getBoolean("crossbench.headed")) {
            return;
        }
        set("testfx.robot", "glass");
        set("testfx.headless", "true");
        set("prism.order", "sw");
        set("glass.platform", "Monocle");
        set("monocle.platform", "Headless");
        set("headless.geometry", "1600x1000-32"); // room for the default window (Monocle overflows otherwise)
        set("java.awt.headless", "true");
        // PROBE_PULSE=1 logs every slow pulse (CSS, layout, rendering times) to find where a stall comes from.
        if (System.getenv("PROBE_PULSE") != null) {
            set("javafx.pulseLogger", "true");
            set("javafx.pulseLogger.threshold", "60");
        }
    }

    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
