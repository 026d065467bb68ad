package dev.crossbench.model.hub;

import java.nio.file.Path;

/** A model folder that passed {@link ModelFolderCheck}: which weights it has and where. */
public record LoadableModelFolder(Path folder, WeightsFormat weightsFormat, Path weightsFile) {
    public Path configJson() {
        return folder.resolve(RepoFiles.CONFIG);
    }

    public Path tokenizerJson() {
        return folder.resolve(RepoFiles.TOKENIZER);
    }
}
