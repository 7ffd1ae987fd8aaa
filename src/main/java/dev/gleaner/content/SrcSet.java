package dev.gleaner.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@code srcset}: every image candidate must pass {@link UrlPolicy#IMAGE} and carry a
 * plain width or density descriptor; the others are dropped, and the kept ones are written with
 * absolute URLs.
 */
final class SrcSet {
    private static final Pattern DESCRIPTOR = Pattern.compile("(?:\\d+(?:\\.\\d+)?[wxh](?:\\s+\\d+(?:\\.\\d+)?[wxh])*)?");

    private SrcSet() {
    }

    /** The candidates of {@code srcset} that may stay, or empty if none may. */
    static Optional<String> check(String srcset, UrlPolicy.Resolver resolver) {
        List<String> kept = new ArrayList<>();
        int at = 0;
        int length = srcset.length();
        while (at < length) {
            while (at < length && (Character.isWhitespace(srcset.charAt(at)) || srcset.charAt(at) == ',')) {
                at++;
            }
            int urlStart = at;
            while (at < length && !Character.isWhitespace(srcset.charAt(at))) {
                at++;
            }
            String url = srcset.substring(urlStart, at);
            String descriptor = "";
            if (url.endsWith(",")) {
                // As in the HTML standard: a URL ending in commas has no descriptor.
                url = url.replaceAll(",+$", "");
            } else {
                int descriptorStart = at;
                while (at < length && srcset.charAt(at) != ',') {
                    at++;
                }
                descriptor = srcset.substring(descriptorStart, at).strip();
            }
            candidate(url, descriptor, resolver).ifPresent(kept::add);
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", kept));
    }

    /** One candidate as it may be written, or empty if it must go. */
    private static Optional<String> candidate(String url, String descriptor, UrlPolicy.Resolver resolver) {
        if (url.isEmpty() || !DESCRIPTOR.matcher(descriptor).matches()) {
            return Optional.empty();
        }
        return UrlPolicy.IMAGE.check(url, resolver).filter(value -> !value.isEmpty())
                .map(value -> descriptor.isEmpty() ? value : value + " " + descriptor);
    }
}
