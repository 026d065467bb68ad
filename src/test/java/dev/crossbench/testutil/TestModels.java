package dev.crossbench.testutil;

import dev.crossbench.model.CrossbenchHome;
import dev.crossbench.model.catalog.ModelCatalog;
import dev.crossbench.model.hub.HubSettings;

/** One catalog for the whole test run, caching imported built-in models under target/. */
public final class TestModels {
    private static ModelCatalog catalog;

    private TestModels() {}

    public static synchronized ModelCatalog catalog() {
        if (catalog == null) {
            catalog = new ModelCatalog(CrossbenchHome.resolve(), HubSettings.fromEnvironment());
        }
        return catalog;
    }
}
