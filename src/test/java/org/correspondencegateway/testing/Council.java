package org.correspondencegateway.testing;

import java.nio.file.Path;

import org.correspondencegateway.directory.Directory;
import org.correspondencegateway.directory.DirectoryFile;

/** The sample council of {@code conf/directory.yaml}, Priory Vale Town Council, as tests meet it. */
public final class Council {
    public static final Path DIRECTORY_FILE = Path.of("conf/directory.yaml");

    private Council() {
    }

    public static Directory directory() {
        try {
            return DirectoryFile.load(DIRECTORY_FILE);
        } catch (Exception e) {
            throw new IllegalStateException("the sample directory must load", e);
        }
    }
}
