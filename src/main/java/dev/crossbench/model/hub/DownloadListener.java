package dev.crossbench.model.hub;

/**
 * Progress of a hub download, for the GUI's progress bar and the CLI's status line. Called on
 * the downloading thread; a file already in the cache is reported once as done.
 */
@FunctionalInterface
public interface DownloadListener {
    DownloadListener NONE = (file, bytesDone, bytesTotal) -> { };

    /**
     * @param file       path of the file inside the repo, e.g. {@code onnx/model.onnx}
     * @param bytesDone  bytes of it on disk so far (a resumed download starts above zero)
     * @param bytesTotal its size, or -1 when the server does not say
     */
    void onFile(String file, long bytesDone, long bytesTotal);
}
