package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What an HTTP fetch makes of a server's answer: body, validators, encoding, charset, status. */
class FetcherHttpTest {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>知乎热榜</title></channel></rss>
            """;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final Fetcher fetcher = new Fetcher(TestSettings.quick());

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private String url(String path) {
        return server.url(path).toString();
    }

    private FetchOutcome.Fetched fetchBody(FetchRequest request) throws Exception {
        FetchOutcome outcome = fetcher.fetch(request);
        assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
        return (FetchOutcome.Fetched) outcome;
    }

    private FetchException fetchFailure(String url) {
        return FetchFailures.failureOf(fetcher, url);
    }

    @Nested
    class WhenServerAnswersOk {
        @Test
        void returnsTheBodyAndTheUrlThatAnswered() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
            assertThat(fetched.source()).isEqualTo(url("/feed.xml"));
        }

        @Test
        void returnsEtagAndLastModifiedAsValidators() throws Exception {
            server.enqueue(new MockResponse.Builder()
                    .addHeader("ETag", "\"v1\"")
                    .addHeader("Last-Modified", "Wed, 21 Oct 2015 07:28:00 GMT")
                    .body(FEED)
                    .build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.validators())
                    .isEqualTo(Validators.of("\"v1\"", "Wed, 21 Oct 2015 07:28:00 GMT"));
        }

        @Test
        void returnsNoValidatorsWhenServerGivesNone() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.validators().isEmpty()).isTrue();
        }

        @Test
        void sendsAUserAgentThatNamesGleaner() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());

            fetcher.fetch(FetchRequest.of(url("/feed.xml")));

            assertThat(server.takeRequest().getHeaders().get("User-Agent")).startsWith("Gleaner/");
        }

        @Test
        void offersGzipEncoding() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());

            fetcher.fetch(FetchRequest.of(url("/feed.xml")));

            assertThat(server.takeRequest().getHeaders().get("Accept-Encoding")).contains("gzip");
        }

        @Test
        void asksForFeedsFirst() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());

            fetcher.fetch(FetchRequest.of(url("/feed.xml")));

            assertThat(server.takeRequest().getHeaders().get("Accept"))
                    .startsWith("application/rss+xml, application/atom+xml, application/feed+json");
        }

        @Test
        void sendsNoConditionalHeadersOnAFirstFetch() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());

            fetcher.fetch(FetchRequest.of(url("/feed.xml")));

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("If-None-Match")).isNull();
            assertThat(request.getHeaders().get("If-Modified-Since")).isNull();
        }

        @Test
        void acceptsAnEmptyBody() throws Exception {
            server.enqueue(new MockResponse.Builder().code(204).build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.body()).isEmpty();
        }
    }

    @Nested
    class WhenFetchedBefore {
        private static final String ETAG = "\"abc123\"";
        private static final String LAST_MODIFIED = "Wed, 21 Oct 2015 07:28:00 GMT";

        private Validators firstFetch() throws Exception {
            server.enqueue(new MockResponse.Builder()
                    .addHeader("ETag", ETAG)
                    .addHeader("Last-Modified", LAST_MODIFIED)
                    .body(FEED)
                    .build());
            Validators validators = fetcher.fetch(FetchRequest.of(url("/feed.xml"))).validators();
            server.takeRequest();
            return validators;
        }

        @Test
        void sendsTheEtagBackAlone() throws Exception {
            Validators validators = firstFetch();
            server.enqueue(new MockResponse.Builder().code(304).build());

            fetcher.fetch(new FetchRequest(url("/feed.xml"), validators));

            // The date is left out: a server must ignore it beside an ETag, and some answer 200 when it comes.
            RecordedRequest second = server.takeRequest();
            assertThat(second.getHeaders().get("If-None-Match")).isEqualTo(ETAG);
            assertThat(second.getHeaders().get("If-Modified-Since")).isNull();
        }

        @Test
        void sendsBothValidatorsWhenThatIsWhatTheServerHonours() throws Exception {
            Validators validators = firstFetch().askedBy(Revalidation.BOTH);
            server.enqueue(new MockResponse.Builder().code(304).build());

            fetcher.fetch(new FetchRequest(url("/feed.xml"), validators));

            RecordedRequest second = server.takeRequest();
            assertThat(second.getHeaders().get("If-None-Match")).isEqualTo(ETAG);
            assertThat(second.getHeaders().get("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        }

        @Test
        void sendsOnlyTheValidatorItHas() throws Exception {
            server.enqueue(new MockResponse.Builder().code(304).build());

            fetcher.fetch(new FetchRequest(url("/feed.xml"), Validators.of(ETAG, null)));

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("If-None-Match")).isEqualTo(ETAG);
            assertThat(request.getHeaders().get("If-Modified-Since")).isNull();
        }

        @Test
        void reportsNotModifiedOn304() throws Exception {
            Validators validators = firstFetch();
            server.enqueue(new MockResponse.Builder().code(304).build());

            FetchOutcome outcome = fetcher.fetch(new FetchRequest(url("/feed.xml"), validators));

            assertThat(outcome).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(outcome.source()).isEqualTo(url("/feed.xml"));
        }

        @Test
        void keepsTheOldValidatorsWhenThe304CarriesNone() throws Exception {
            Validators validators = firstFetch();
            server.enqueue(new MockResponse.Builder().code(304).build());

            FetchOutcome outcome = fetcher.fetch(new FetchRequest(url("/feed.xml"), validators));

            assertThat(outcome.validators()).isEqualTo(Validators.of(ETAG, LAST_MODIFIED));
        }

        @Test
        void takesTheNewValidatorsWhenThe304CarriesThem() throws Exception {
            Validators validators = firstFetch();
            server.enqueue(new MockResponse.Builder()
                    .code(304)
                    .addHeader("ETag", "\"abc124\"")
                    .addHeader("Last-Modified", "Thu, 22 Oct 2015 07:28:00 GMT")
                    .build());

            FetchOutcome outcome = fetcher.fetch(new FetchRequest(url("/feed.xml"), validators));

            assertThat(outcome.validators())
                    .isEqualTo(Validators.of("\"abc124\"", "Thu, 22 Oct 2015 07:28:00 GMT"));
        }

        @Test
        void returnsTheNewBodyWhenTheFeedChanged() throws Exception {
            Validators validators = firstFetch();
            server.enqueue(new MockResponse.Builder().addHeader("ETag", "\"v2\"").body("changed").build());

            FetchOutcome.Fetched fetched = fetchBody(new FetchRequest(url("/feed.xml"), validators));

            assertThat(new String(fetched.body(), UTF_8)).isEqualTo("changed");
            assertThat(fetched.validators()).isEqualTo(Validators.of("\"v2\"", null));
        }
    }

    @Nested
    class WhenServerIgnoresValidators {
        private FetchOutcome.Fetched firstFetch() throws Exception {
            server.enqueue(new MockResponse.Builder().body(FEED).build());
            return fetchBody(FetchRequest.of(url("/feed.xml")));
        }

        @Test
        void hashesTheBodyWithSha256() throws Exception {
            server.enqueue(new MockResponse.Builder().body("hello").build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.bodyHash()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        }

        @Test
        void reportsTheSameBodyAgainAsNotModified() throws Exception {
            FetchOutcome.Fetched first = firstFetch();
            server.enqueue(new MockResponse.Builder().addHeader("Cache-Control", "max-age=60").body(FEED).build());

            FetchOutcome second = fetcher.fetch(FetchRequest.of(url("/feed.xml")).withBodyHash(first.bodyHash()));

            assertThat(second).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(second.source()).isEqualTo(url("/feed.xml"));
            assertThat(second.freshFor()).contains(Duration.ofMinutes(1));
        }

        @Test
        void returnsAChangedBody() throws Exception {
            FetchOutcome.Fetched first = firstFetch();
            server.enqueue(new MockResponse.Builder().body(FEED + "<!-- changed -->").build());

            FetchOutcome second = fetcher.fetch(FetchRequest.of(url("/feed.xml")).withBodyHash(first.bodyHash()));

            assertThat(second).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(((FetchOutcome.Fetched) second).bodyHash()).isNotEqualTo(first.bodyHash());
        }

        @Test
        void keepsTheNewValidatorsOfAnUnchangedBody() throws Exception {
            FetchOutcome.Fetched first = firstFetch();
            server.enqueue(new MockResponse.Builder().addHeader("ETag", "\"fresh\"").body(FEED).build());

            FetchOutcome second = fetcher.fetch(new FetchRequest(url("/feed.xml"), Validators.of("\"stale\"", null),
                    Optional.of(first.bodyHash()), Optional.empty()));

            assertThat(second).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(second.validators()).isEqualTo(Validators.of("\"fresh\"", null));
        }
    }

    @Nested
    class WhenBodyIsCompressed {
        @Test
        void decompressesGzip() throws Exception {
            server.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Encoding", "gzip")
                    .body(new Buffer().write(gzip(FEED.getBytes(UTF_8))))
                    .build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
        }

        @Test
        void decompressesDeflate() throws Exception {
            server.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Encoding", "deflate")
                    .body(new Buffer().write(deflate(FEED.getBytes(UTF_8))))
                    .build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(new String(fetched.body(), UTF_8)).isEqualTo(FEED);
        }

        @Test
        void failsWithAReasonWhenGzipIsCorrupt() throws Exception {
            server.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Encoding", "gzip")
                    .body("this is not gzip")
                    .build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).startsWith("body could not be read");
        }

        private static byte[] gzip(byte[] bytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            }
            return out.toByteArray();
        }

        private static byte[] deflate(byte[] bytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
                deflate.write(bytes);
            }
            return out.toByteArray();
        }
    }

    @Nested
    class WhenContentTypeNamesACharset {
        @Test
        void reportsTheCharsetAndLeavesTheBytesAlone() throws Exception {
            byte[] gb2312 = "<rss><channel><title>开源中国</title></channel></rss>".getBytes(Charset.forName("GB2312"));
            server.enqueue(new MockResponse.Builder()
                    .addHeader("Content-Type", "text/xml; charset=GB2312")
                    .body(new Buffer().write(gb2312))
                    .build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.charset()).contains("GB2312");
            assertThat(fetched.body()).isEqualTo(gb2312);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "application/rss+xml; charset=\"utf-8\"   | utf-8",
            "text/xml;charset=ISO-8859-1              | ISO-8859-1",
            "text/xml; CHARSET=gbk                    | gbk",
            "application/xml; q=1; charset='Big5'     | Big5",
        })
        void readsTheCharsetParameterWhereverItIsWritten(String contentType, String charset) throws Exception {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", contentType).body(FEED).build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.charset()).contains(charset);
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"application/rss+xml", "'text/xml; charset='"})
        void reportsNoCharsetWhenNoneIsNamed(String contentType) throws Exception {
            server.enqueue(new MockResponse.Builder().addHeader("Content-Type", contentType).body(FEED).build());

            FetchOutcome.Fetched fetched = fetchBody(FetchRequest.of(url("/feed.xml")));

            assertThat(fetched.charset()).isEqualTo(Optional.empty());
        }
    }

    @Nested
    class WhenServerRefusesTheFeed {
        @Test
        void failsWithNotFoundOn404() throws Exception {
            server.enqueue(new MockResponse.Builder().code(404).body("no such page").build());

            FetchException failure = fetchFailure(url("/missing.xml"));

            assertThat(failure.reason()).isEqualTo("HTTP 404 Not Found");
        }

        @Test
        void failsWithTheStatusOn500() throws Exception {
            server.enqueue(new MockResponse.Builder().code(500).body("oops").build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).isEqualTo("HTTP 500 Internal Server Error");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({
            "403, HTTP 403 Forbidden",
            "410, HTTP 410 Gone",
            "429, HTTP 429 Too Many Requests",
            "503, HTTP 503 Service Unavailable",
            "418, HTTP 418",
        })
        void namesTheStatusInTheReason(int status, String reason) throws Exception {
            server.enqueue(new MockResponse.Builder().code(status).build());

            FetchException failure = fetchFailure(url("/feed.xml"));

            assertThat(failure.reason()).isEqualTo(reason);
        }

        @Test
        void namesTheUrlInTheMessage() throws Exception {
            server.enqueue(new MockResponse.Builder().code(404).build());

            FetchException failure = fetchFailure(url("/missing.xml"));

            assertThat(failure.url()).isEqualTo(url("/missing.xml"));
            assertThat(failure.getMessage()).isEqualTo(url("/missing.xml") + ": HTTP 404 Not Found");
        }
    }
}
