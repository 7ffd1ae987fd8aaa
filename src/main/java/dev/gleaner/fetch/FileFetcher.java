package dev.gleaner.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Reads {@code file:} URLs. A file's size and modification time stand in for an ETag, so an
 * unchanged file is reported as not modified, like a server would.
 */
final class FileFetcher {
    private final long maxBytes;

    FileFetcher(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    FetchOutcome fetch(String url, Validators validators) throws FetchException {
        Path path;
        try {
            path = Path.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            throw new FetchException(url, "not a valid file URL: " + e.getMessage(), e);
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new FetchException(url, "not a regular file");
            }
            String etag = "\"" + attributes.size() + "-" + attributes.lastModifiedTime().toMillis() + "\"";
            Validators current = new Validators(Optional.of(etag), Optional.empty());
            if (validators.etag().equals(current.etag())) {
                return new FetchOutcome.NotModified(url, current);
            }
            try (InputStream in = Files.newInputStream(path)) {
                byte[] body = BoundedRead.readAtMost(in, maxBytes);
                return new FetchOutcome.Fetched(url, body, Optional.empty(), current);
            } catch (BoundedRead.TooLargeException e) {
                throw new FetchException(url, "file larger than " + maxBytes + " bytes", e);
            }
        } catch (NoSuchFileException e) {
            throw new FetchException(url, "no such file", e);
        } catch (IOException e) {
            throw new FetchException(url, "cannot be read: " + e.getMessage(), e);
        }
    }
}
