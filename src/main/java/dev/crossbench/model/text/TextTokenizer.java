package dev.crossbench.model.text;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.crossbench.model.ModelLoadException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Hugging Face tokenizer.json with truncation set explicitly from the model's max_seq_length:
 * the files shipped inside some jars truncate at 128 tokens, which costs ~2 nDCG points on
 * long documents, so the file's own setting is never trusted. Padding is done by {@link TokenBatch}.
 */
public final class TextTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final int maxLength;

    private TextTokenizer(HuggingFaceTokenizer tokenizer, int maxLength) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /** Loads {@code tokenizer.json} (a file, or a folder holding one) truncating to {@code maxLength} tokens. */
    public static TextTokenizer load(Path tokenizerJson, int maxLength, boolean lowerCase) {
        Path file = Files.isDirectory(tokenizerJson) ? tokenizerJson.resolve("tokenizer.json") : tokenizerJson;
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file + ": tokenizer.json not found");
        }
        if (maxLength < 2) {
            throw new IllegalArgumentException("max sequence length must be at least 2, got " + maxLength);
        }
        try {
            HuggingFaceTokenizer.Builder b = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optMaxLength(maxLength)
                    .optTruncation(true)
                    .optPadding(false)
                    .optAddSpecialTokens(true);
            if (lowerCase) {
                b.optDoLowerCase(true);
            }
            return new TextTokenizer(b.build(), maxLength);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file + ": cannot load tokenizer (" + e.getMessage() + ")", e);
        }
    }

    public int maxLength() {
        return maxLength;
    }

    public Tokenized encode(String text) {
        Encoding e = tokenizer.encode(text);
        return new Tokenized(e.getIds(), e.getTypeIds());
    }

    /** A text pair ([CLS] a [SEP] b [SEP]); the longer side is cut first when over max length. */
    public Tokenized encodePair(String first, String second) {
        Encoding e = tokenizer.encode(first, second);
        return new Tokenized(e.getIds(), e.getTypeIds());
    }

    public List<Tokenized> encodeAll(List<String> texts) {
        List<Tokenized> out = new ArrayList<>(texts.size());
        for (Encoding e : tokenizer.batchEncode(texts)) {
            out.add(new Tokenized(e.getIds(), e.getTypeIds()));
        }
        return out;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
