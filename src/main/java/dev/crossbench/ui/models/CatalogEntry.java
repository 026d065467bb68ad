package dev.crossbench.ui.models;

import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.BundledModel;
import java.util.ArrayList;
import java.util.List;

/**
 * A line of the Models view's catalog: a built-in bi-encoder or a bundled cross-encoder, with the
 * name to add it by and a one-line description.
 */
record CatalogEntry(String name, String about) {

    /** The built-ins first (all-MiniLM-L6-v2 leads), then the bundled cross-encoders this build has. */
    static List<CatalogEntry> all() {
        List<CatalogEntry> out = new ArrayList<>();
        for (BuiltinModel m : BuiltinModel.values()) {
            out.add(new CatalogEntry(m.displayName(), CatalogText.describe(m)));
        }
        for (BundledModel m : BundledModel.values()) {
            if (m.isAvailable()) {
                out.add(new CatalogEntry(m.displayName(), CatalogText.describe(m)));
            }
        }
        return out;
    }
}
