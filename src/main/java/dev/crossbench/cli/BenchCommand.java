package dev.crossbench.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", description = "Throughput benchmarks that report ratios (to the matmul roofline, to a peer).",
        subcommands = {BenchEncodeCommand.class, BenchScoreCommand.class, BenchIndexCommand.class, BenchDedupCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
