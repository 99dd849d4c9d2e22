package io.claimstream.ingest;

import java.io.IOException;

/** A fetch that was refused or failed; the message says which URL and why, in words fit for the terminal. */
public final class FetchException extends IOException {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
