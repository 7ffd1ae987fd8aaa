package dev.gleaner.fetch;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What a successful fetch found: a new body, or word that nothing changed. Failures are thrown.
 *
 * <p>Both kinds carry hints for the schedule: how long the server says its answer stays fresh, and
 * which RSSHub instance answered, to be tried first next time.
 */
public sealed interface FetchOutcome {

    /**
     * The URL that answered, after redirects and RSSHub instance choice. An RSSHub access key is
     * left out, so that it never reaches the store or the logs.
     */
    String source();

    /** The validators to send back next time. */
    Validators validators();

    /**
     * How long the server says the answer stays fresh, from {@code Cache-Control: max-age} (or
     * {@code s-maxage}) less {@code Age}, else from {@code Expires}; empty when it says nothing.
     */
    Optional<Duration> freshFor();

    /** The base URL of the RSSHub instance that answered an {@code rsshub://} route, as configured. */
    Optional<String> instance();

    /**
     * A body to parse.
     *
     * @param source the URL that answered
     * @param body the bytes, already decompressed
     * @param charset the charset named by the {@code Content-Type} header, if any
     * @param validators the validators to send back next time
     * @param bodyHash the SHA-256 of {@code body} in lower-case hex; send it back in the next
     *     {@link FetchRequest} to spot a server that ignores validators
     * @param freshFor how long the server says the answer stays fresh
     * @param instance the RSSHub instance that answered, for an {@code rsshub://} route
     */
    record Fetched(String source, byte[] body, Optional<String> charset, Validators validators, String bodyHash,
            Optional<Duration> freshFor, Optional<String> instance) implements FetchOutcome {
        public Fetched {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(charset, "charset");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(bodyHash, "bodyHash");
            Objects.requireNonNull(freshFor, "freshFor");
            Objects.requireNonNull(instance, "instance");
        }

        /** A body without hints; its hash is computed. */
        public Fetched(String source, byte[] body, Optional<String> charset, Validators validators) {
            this(source, body, charset, validators, BodyHash.of(body), Optional.empty(), Optional.empty());
        }

        Fetched viaInstance(String answeredBy, String shownSource) {
            return new Fetched(shownSource, body, charset, validators, bodyHash, freshFor, Optional.of(answeredBy));
        }
    }

    /**
     * The feed has not changed since the validators (or the body hash) were given.
     *
     * @param source the URL that answered
     * @param validators the validators to send back next time
     * @param freshFor how long the server says the answer stays fresh
     * @param instance the RSSHub instance that answered, for an {@code rsshub://} route
     * @param revalidated whether the server said so itself ({@code 304}); false when it sent the
     *     whole body again and only its hash showed that nothing changed
     */
    record NotModified(String source, Validators validators, Optional<Duration> freshFor, Optional<String> instance,
            boolean revalidated) implements FetchOutcome {
        public NotModified {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(validators, "validators");
            Objects.requireNonNull(freshFor, "freshFor");
            Objects.requireNonNull(instance, "instance");
        }

        /** The server's word that nothing changed, without hints. */
        public NotModified(String source, Validators validators) {
            this(source, validators, Optional.empty(), Optional.empty(), true);
        }

        NotModified viaInstance(String answeredBy, String shownSource) {
            return new NotModified(shownSource, validators, freshFor, Optional.of(answeredBy), revalidated);
        }
    }
}
