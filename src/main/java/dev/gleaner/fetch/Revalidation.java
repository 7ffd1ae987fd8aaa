package dev.gleaner.fetch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which of a feed's validators are sent back, and in what form: servers differ in what they honour,
 * so a fetcher tries the next way after a server resent an unchanged body, and keeps the way that
 * brought a {@code 304}.
 *
 * <p>Real servers that need this: RSSHub weakens its ETag to {@code W/"…"} when it compresses and
 * then compares the header strictly against the strong tag; Apache's mod_deflate appends
 * {@code -gzip} to the ETag it sends and never matches it again; older RSSHub builds answer
 * {@code 200} whenever {@code If-Modified-Since} comes beside {@code If-None-Match}; and servers
 * behind a balancer give each node's own ETag but one {@code Last-Modified}.
 */
public enum Revalidation {
    /** {@code If-None-Match} with the ETag as a strong tag, without the weak mark and compression suffix. */
    ETAG_BARE,
    /** {@code If-None-Match} with the ETag exactly as the server gave it. */
    ETAG_AS_GIVEN,
    /** {@code If-Modified-Since} alone. */
    DATE,
    /** Both headers, the ETag as given. */
    BOTH;

    /** The first way to try for these validators: the bare ETag if there is one, else the date. */
    static Revalidation first(Optional<String> etag, Optional<String> lastModified) {
        return etag.isPresent() ? ETAG_BARE : DATE;
    }

    /** This way, or the first one that fits validators that no longer have what it sends. */
    Revalidation fitting(Validators validators) {
        return ways(validators).contains(this) ? this : first(validators.etag(), validators.lastModified());
    }

    /** The way to try after this one brought the same body back instead of a 304; itself if it is the only one. */
    Revalidation next(Validators validators) {
        List<Revalidation> ways = ways(validators);
        int at = ways.indexOf(this);
        return ways.get((at + 1) % ways.size());
    }

    /** The {@code If-None-Match} value to send, if any. */
    Optional<String> ifNoneMatch(Validators validators) {
        return switch (this) {
            case ETAG_BARE -> validators.etag().map(Revalidation::bare);
            case ETAG_AS_GIVEN, BOTH -> validators.etag();
            case DATE -> Optional.empty();
        };
    }

    /** The {@code If-Modified-Since} value to send, if any. */
    Optional<String> ifModifiedSince(Validators validators) {
        return this == DATE || this == BOTH ? validators.lastModified() : Optional.empty();
    }

    /** The ways that send something for these validators, in the order they are tried. */
    private static List<Revalidation> ways(Validators validators) {
        List<Revalidation> ways = new ArrayList<>(4);
        validators.etag().ifPresent(etag -> {
            ways.add(ETAG_BARE);
            if (!bare(etag).equals(etag)) {
                ways.add(ETAG_AS_GIVEN);
            }
        });
        if (validators.lastModified().isPresent()) {
            ways.add(DATE);
            if (validators.etag().isPresent()) {
                ways.add(BOTH);
            }
        }
        if (ways.isEmpty()) {
            ways.add(first(validators.etag(), validators.lastModified()));
        }
        return ways;
    }

    /**
     * The ETag as the strong tag the server computed before compressing: {@code W/"abc"} and
     * {@code "abc-gzip"} become {@code "abc"}. A weak comparison, which {@code If-None-Match} asks
     * for, matches either form against it.
     */
    static String bare(String etag) {
        String tag = etag.strip();
        if (tag.regionMatches(true, 0, "W/", 0, 2)) {
            tag = tag.substring(2);
        }
        boolean quoted = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"");
        String opaque = quoted ? tag.substring(1, tag.length() - 1) : tag;
        String lower = opaque.toLowerCase(Locale.ROOT);
        for (String suffix : COMPRESSION_SUFFIXES) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                opaque = opaque.substring(0, opaque.length() - suffix.length());
                break;
            }
        }
        return "\"" + opaque + "\"";
    }

    /** What servers append to an ETag when they compress: Apache's mod_deflate and mod_brotli, Jetty. */
    private static final List<String> COMPRESSION_SUFFIXES = List.of("--gzip", "-gzip", "-br", "-deflate", ";gzip");
}
