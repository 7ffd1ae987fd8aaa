package dev.gleaner.fetch;

import java.util.Objects;
import java.util.Optional;

/** What a successful fetch found: a new body, or word that nothing changed. Failures are thrown. */
public sealed interface FetchOutcome {

    /** The URL that answered, after redirects and RSSHub instance choice. */
    String source();

    /** The validators to send back next time. */
    Validators validators();

    /**
     * A body to parse.
     *
     * @param source the URL that answered
     * @param body the bytes, already decompressed
     * @param charset the charset named by the {@code Content-Type} header, if any
     * @param validators the validators to send back next time
     */
    record Fetched(String source, byte[] body, Optional<String> charset, Validators validators)
            implements FetchOutcome {
        public Fetched {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(validators, "validators");
        }
    }

    /**
     * The feed has not changed since the validators were given.
     *
     * @param source the URL that answered
     * @param validators the validators to send back next time
     */
    record NotModified(String source, Validators validators) implements FetchOutcome {
        public NotModified {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(validators, "validators");
        }
    }
}
