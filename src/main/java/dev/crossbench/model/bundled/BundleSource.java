package dev.crossbench.model.bundled;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Where a bundled model's files are read from: the classpath (packaged assets) or a folder. */
public interface BundleSource {
    /** Opens one file of the bundle; a missing file is a {@link NoSuchFileException} naming it. */
    InputStream open(String file) throws IOException;

    /** How the file is named in messages (a path a user can find). */
    String describe(String file);

    static BundleSource classpath(String folder) {
        return new BundleSource() {
            @Override
            public InputStream open(String file) throws IOException {
                InputStream in = BundleSource.class.getClassLoader().getResourceAsStream(folder + file);
                if (in == null) {
                    throw new NoSuchFileException(describe(file));
                }
                return in;
            }

            @Override
            public String describe(String file) {
                return folder + file;
            }
        };
    }

    static BundleSource folder(Path dir) {
        return new BundleSource() {
            @Override
            public InputStream open(String file) throws IOException {
                return Files.newInputStream(dir.resolve(file));
            }

            @Override
            public String describe(String file) {
                return dir.resolve(file).toString();
            }
        };
    }
}
