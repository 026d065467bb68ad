package dev.crossbench.cli;

import dev.crossbench.app.EncodeOverrides;
import dev.crossbench.app.IndexChoice;
import dev.crossbench.data.DocumentFormat;
import dev.crossbench.index.HnswParams;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the retrieval commands: corpus, document text, index and prompts. */
final class RetrievalOptions {
    @Option(names = "--corpus", required = true,
            description = "Corpus: BEIR corpus.jsonl (_id, title, text), CSV/TSV with id and text columns, or .txt (one document per line, id = line number).")
    Path corpus;

    @Option(names = "--doc-format", defaultValue = "title+text",
            description = "What the models read of a document: title+text (BEIR/MTEB: title + \" \" + text) or text. Default: ${DEFAULT-VALUE}")
    String docFormat;

    @Option(names = "--index", defaultValue = "exact", description = "exact or hnsw. Default: ${DEFAULT-VALUE}")
    String index;

    @Option(names = "--hnsw-m", description = "HNSW links per node (default 16).")
    Integer hnswM;

    @Option(names = "--hnsw-ef-construction", description = "HNSW candidates while building (default 400).")
    Integer hnswEfConstruction;

    @Option(names = "--hnsw-ef", description = "HNSW candidates while searching (default 64; at least K is used).")
    Integer hnswEf;

    @Option(names = "--query-prompt", description = "Prefix for queries (default: the model's, e.g. bge's retrieval instruction; \"\" for none).")
    String queryPrompt;

    @Option(names = "--document-prompt", description = "Prefix for documents (default: the model's; \"\" for none).")
    String documentPrompt;

    @Option(names = "--keep-identical-ids", description = "Keep a retrieved document whose id equals the query id (BEIR drops it).")
    boolean keepIdenticalIds;

    DocumentFormat format() {
        return DocumentFormat.parse(docFormat);
    }

    HnswParams hnswParams() {
        HnswParams d = HnswParams.DEFAULTS;
        return new HnswParams(hnswM != null ? hnswM : d.m(), hnswEfConstruction != null ? hnswEfConstruction : d.efConstruction(),
                hnswEf != null ? hnswEf : d.ef());
    }

    IndexChoice indexChoice() {
        return IndexChoice.parse(index, hnswParams());
    }

    /** The shared model options with the retrieval prompts applied on top. */
    EncodeOverrides overrides(ModelOptions model) {
        EncodeOverrides o = model.overrides();
        return new EncodeOverrides(o.batchSize(), o.maxSeqLength(), o.pooling(), o.normalize(),
                queryPrompt != null ? queryPrompt : o.queryPrompt(), documentPrompt != null ? documentPrompt : o.documentPrompt(),
                o.pairPrompt());
    }
}
