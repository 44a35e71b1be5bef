package org.correspondencegateway.testing;

import java.nio.file.Path;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.DirectoryFile;

/** The sample council of {@code conf/directory.yaml}, Priory Vale Town Council, as tests meet it. */
public final class Council {
    public static final Path DIRECTORY_FILE = Path.of("conf/directory.yaml");

    /** Read once: a directory is immutable, and its resolution cache is per instance. */
    private static final Directory SAMPLE = load();

    private Council() {
    }

    public static Directory directory() {
        return SAMPLE;
    }

    private static Directory load() {
        try {
            return DirectoryFile.load(DIRECTORY_FILE);
        } catch (Exception e) {
            throw new IllegalStateException("the sample directory must load", e);
        }
    }
}
