package dev.gleaner.fetch;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code file:} URLs are read, and how an unchanged file is told apart from a changed one. */
class FileFetcherTest {
    private static final String FEED = """
            <rss version="2.0"><channel><title>本地</title></channel></rss>
            """;

    @TempDir
    Path folder;

    private Fetcher fetcher = new Fetcher(TestSettings.quick());

    @AfterEach
    void closeFetcher() {
        fetcher.close();
    }

    private Path write(String name, String content) throws Exception {
        return Files.writeString(folder.resolve(name), content, UTF_8);
    }

    private static String urlOf(Path path) {
        return path.toUri().toString();
    }

    private FetchException fetchFailure(String url) {
        return FetchFailures.failureOf(fetcher, url);
    }

    @Nested
    class WhenTheFileExists {
        @Test
        void readsItsBytes() throws Exception {
            Path file = write("feed.xml", FEED);

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(urlOf(file)));

            assertThat(outcome).isInstanceOf(FetchOutcome.Fetched.class);
            FetchOutcome.Fetched fetched = (FetchOutcome.Fetched) outcome;
            assertThat(fetched.body()).isEqualTo(FEED.getBytes(UTF_8));
            assertThat(fetched.source()).isEqualTo(urlOf(file));
            assertThat(fetched.charset()).isEmpty();
        }

        @Test
        void readsAPathWithSpacesAndNonAsciiNames() throws Exception {
            Path file = write("知乎 热榜.xml", FEED);

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(urlOf(file)));

            assertThat(((FetchOutcome.Fetched) outcome).body()).isEqualTo(FEED.getBytes(UTF_8));
        }

        @Test
        void returnsValidatorsThatDescribeTheFile() throws Exception {
            Path file = write("feed.xml", FEED);

            FetchOutcome outcome = fetcher.fetch(FetchRequest.of(urlOf(file)));

            assertThat(outcome.validators().isEmpty()).isFalse();
        }
    }

    @Nested
    class WhenFetchedBefore {
        @Test
        void reportsNotModifiedWhileTheFileIsUnchanged() throws Exception {
            Path file = write("feed.xml", FEED);
            Validators validators = fetcher.fetch(FetchRequest.of(urlOf(file))).validators();

            FetchOutcome again = fetcher.fetch(new FetchRequest(urlOf(file), validators));

            assertThat(again).isInstanceOf(FetchOutcome.NotModified.class);
            assertThat(again.validators()).isEqualTo(validators);
        }

        @Test
        void returnsTheNewBodyAfterTheFileGrows() throws Exception {
            Path file = write("feed.xml", FEED);
            Validators validators = fetcher.fetch(FetchRequest.of(urlOf(file))).validators();
            write("feed.xml", FEED + "<!-- more -->");

            FetchOutcome again = fetcher.fetch(new FetchRequest(urlOf(file), validators));

            assertThat(again).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(new String(((FetchOutcome.Fetched) again).body(), UTF_8)).endsWith("<!-- more -->");
            assertThat(again.validators()).isNotEqualTo(validators);
        }

        @Test
        void returnsTheNewBodyAfterAChangeOfTheSameSize() throws Exception {
            Path file = write("feed.xml", "version A");
            FileTime before = Files.getLastModifiedTime(file);
            Validators validators = fetcher.fetch(FetchRequest.of(urlOf(file))).validators();
            write("feed.xml", "version B");
            // a rewrite within one tick of the file system clock would look unchanged; real edits are further apart
            Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plus(Duration.ofSeconds(1))));

            FetchOutcome again = fetcher.fetch(new FetchRequest(urlOf(file), validators));

            assertThat(again).isInstanceOf(FetchOutcome.Fetched.class);
            assertThat(new String(((FetchOutcome.Fetched) again).body(), UTF_8)).isEqualTo("version B");
        }
    }

    @Nested
    class WhenTheFileCannotBeRead {
        @Test
        void failsOnAMissingFile() {
            FetchException failure = fetchFailure(urlOf(folder.resolve("missing.xml")));

            assertThat(failure.reason()).isEqualTo("no such file");
            assertThat(failure.url()).isEqualTo(urlOf(folder.resolve("missing.xml")));
        }

        @Test
        void failsOnAFolder() {
            FetchException failure = fetchFailure(urlOf(folder));

            assertThat(failure.reason()).isEqualTo("not a regular file");
        }

        @Test
        void failsOnAFileLargerThanMaxBytes() throws Exception {
            fetcher.close();
            fetcher = new Fetcher(TestSettings.withMaxBytes(16));
            Path file = write("big.xml", "0123456789abcdefg");

            FetchException failure = fetchFailure(urlOf(file));

            assertThat(failure.reason()).isEqualTo("file larger than 16 bytes");
        }

        @Test
        void failsOnAFileUrlThatIsNotAPath() {
            FetchException failure = fetchFailure("file:feeds/relative.xml");

            assertThat(failure.reason()).startsWith("not a valid file URL");
        }
    }
}
