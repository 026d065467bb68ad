package dev.crossbench.cli;

import dev.crossbench.model.BuiltinModel;
import dev.crossbench.model.ModelDescriptor;
import dev.crossbench.model.bundled.BundleWriter;
import dev.crossbench.model.catalog.ModelCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bundle", description = "Store a trained cross-encoder as a bundle for assets/models: an fp16 overlay of what"
        + " differs from its built-in base, checksums, and the small files; it is assembled once to check it.")
final class BundleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Trained cross-encoder folder (from `crossbench train cross`).")
    Path model;

    @Option(names = "--base", required = true, description = "The built-in model it was trained from (its word embeddings are reused).")
    String base;

    @Option(names = "--name", required = true, description = "Catalog name of the bundled model.")
    String name;

    @Option(names = "--out", required = true, description = "Bundle folder, e.g. assets/models/NAME (a README.md there is kept).")
    Path out;

    @Option(names = "--json", description = "Also write the report as JSON to this file.")
    Path json;

    @Override
    public Integer call() {
        BuiltinModel b = BuiltinModel.byName(base).filter(m -> !m.isInt8())
                .orElseThrow(() -> new IllegalArgumentException("--base must be a built-in fp32 model, got '" + base + "'"));
        ModelCatalog catalog = ModelCatalog.standard();
        ModelDescriptor d = catalog.builtin(b);
        BundleWriter.Result r = BundleWriter.write(name, b.displayName(), model, d.folder(), catalog.ensureSafetensors(d), out);
        PrintWriter o = spec.commandLine().getOut();
        o.printf("bundle %s in %s: %d tensors in the fp16 overlay (%,d bytes), %d from %s (%s), repository files %,d bytes;"
                + " largest fp16 rounding %.3g%n", name, out, r.overlayTensors(), r.overlayBytes(), r.fromBase().size(),
                b.displayName(), String.join(", ", r.fromBase()), r.repositoryBytes(), r.maxAbsRounding());
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("name", name);
        j.put("base", b.displayName());
        j.put("overlayBytes", r.overlayBytes());
        j.put("repositoryBytes", r.repositoryBytes());
        j.put("overlayTensors", r.overlayTensors());
        j.put("fromBase", r.fromBase());
        j.put("maxAbsRounding", r.maxAbsRounding());
        j.put("assembledSha256", r.manifest().assembledSha256());
        JsonOutput.write(json, j);
        return 0;
    }
}
