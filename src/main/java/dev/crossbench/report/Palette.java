package dev.crossbench.report;

import java.awt.Color;

/** One colour per model, the same in every chart and export (the n-th chosen model keeps its colour). */
public final class Palette {
    private static final Color[] MODELS = {
        new Color(0x2F6FDF), new Color(0xE07B00), new Color(0x2A9D5C), new Color(0xB5179E),
        new Color(0x6B7280), new Color(0x0E9AA7)
    };
    public static final Color GOLD = new Color(0x8A6D1D);
    public static final Color SELECTED = new Color(0xD62828);
    public static final Color FIT_LINE = new Color(0x1F2937);

    private Palette() {}

    public static Color model(int index) {
        return MODELS[Math.floorMod(index, MODELS.length)];
    }

    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }

    /** The same colour as CSS, for legends drawn with JavaFX nodes. */
    public static String css(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
