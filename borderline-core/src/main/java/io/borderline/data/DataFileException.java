package io.borderline.data;

import java.nio.file.Path;

/** A data file is missing, corrupt or inconsistent; the message names the file and the problem. */
public final class DataFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    public DataFileException(Path file, String problem) {
        super("data file " + file + " " + problem);
    }
}
