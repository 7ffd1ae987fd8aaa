package dev.gleaner.fetch;

import java.net.URI;
import java.net.http.HttpHeaders;

/**
 * A server's final answer, after redirects: what {@link HttpFetcher} turns into an outcome or a
 * failure, and what an RSSHub instance's answer is checked in first.
 *
 * @param source the URL that answered
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the decompressed body of a 2xx answer; the first bytes of an error's body when they
 *     were asked for; else empty
 */
record HttpAnswer(URI source, int status, HttpHeaders headers, byte[] body) {
    boolean isSuccess() {
        return status >= 200 && status <= 299;
    }
}
