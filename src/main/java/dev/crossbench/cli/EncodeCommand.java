package dev.crossbench.cli;

import dev.crossbench.data.NpyFile;
import dev.crossbench.data.TextFileReader;
import dev.crossbench.model.encode.BiEncoder;
import dev.crossbench.model.encode.EncodeStats;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "encode", description = "Embed the texts of a file (one per line) into a float32 .npy matrix (row i = line i).")
final class EncodeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "Built-in name, model folder or hub id.")
    String model;

    @Option(names = "--input", required = true, description = "UTF-8 text file, one text per line.")
    Path input;

    @Option(names = "--output", required = true, description = "Where to write the embeddings (.npy, float32, with a JSON sidecar).")
    Path output;

    @Option(names = "--as", defaultValue = "plain", description = "plain, query or document: which of the model's prompts to use. Default: ${DEFAULT-VALUE}")
    String role;

    @Mixin
    ModelOptions modelOptions;

    @Option(names = "--json", description = "Also write a JSON summary to this file.")
    Path json;

    @Override
    public Integer call() {
        new CommandPaths().input("--input", input).model("--model", model).output("--output", output)
                .output("--output's sidecar", sidecar()).output("--json", json).check();
        PrintWriter out = spec.commandLine().getOut();
        List<String> texts = TextFileReader.readLines(input);
        try (BiEncoder enc = modelOptions.open(spec.commandLine().getErr(), model, modelOptions.overrides())) {
            String prompt = switch (role) {
                case "plain" -> modelOptions.prompt == null ? "" : modelOptions.prompt;
                case "query" -> enc.options().queryPrompt();
                case "document" -> enc.options().documentPrompt();
                default -> throw new IllegalArgumentException("--as must be plain, query or document, got '" + role + "'");
            };
            ProgressBar bar = new ProgressBar(spec.commandLine().getErr(), "encode");
            float[][] vectors = enc.encode(texts, prompt, bar::update, () -> false);
            bar.done();
            NpyFile.write(output, vectors);
            EncodeStats s = enc.lastStats();
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("model", enc.descriptor().name());
            meta.put("engine", enc.backend().description());
            meta.put("rows", vectors.length);
            meta.put("dimension", enc.dimension());
            meta.put("pooling", enc.options().pooling().name().toLowerCase());
            meta.put("normalized", enc.options().normalize());
            meta.put("maxSeqLength", enc.options().maxSeqLength());
            meta.put("prompt", prompt);
            meta.put("input", input.toString());
            meta.put("seconds", s.totalNanos() / 1e9);
            JsonOutput.write(sidecar(), meta);
            JsonOutput.write(json, meta);
            out.printf("wrote %d x %d float32 embeddings to %s (%s, %.1f texts/s)%n", vectors.length, enc.dimension(),
                    output, enc.backend().description(), vectors.length / (s.totalNanos() / 1e9));
        }
        return 0;
    }

    private Path sidecar() {
        return Path.of(output + ".json");
    }
}
