package dev.gleaner.parse;

import dev.gleaner.model.Feed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Parses one file with {@link FeedParser#standard()} and says what happened, for tests that run a
 * parse in a child JVM with a small heap ({@code -Xmx48m}).
 *
 * <p>Usage: {@code ParseInBoundedHeap FILE [FORBIDDEN_TEXT]}. The parser is first warmed up on a
 * small valid feed, so that the time printed is that of the document, not of class loading. Prints
 * on standard output:
 *
 * <pre>
 * refused: REASON            (the parser threw FeedParseException), or
 * parsed: N entries          (it returned a feed)
 * leaked: forbidden text     (only when parsed and FORBIDDEN_TEXT is somewhere in the feed)
 * took: MS ms                (the parse of FILE alone)
 * </pre>
 *
 * <p>Exit status: 0 when the parser refused or returned, 3 on {@link OutOfMemoryError}, 4 on
 * {@link StackOverflowError}; any other throwable escapes (status 1).
 */
final class ParseInBoundedHeap {
    static final int OUT_OF_MEMORY = 3;
    static final int STACK_OVERFLOW = 4;

    private static final String WARM_UP = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>warm-up</title><link>https://example.org/</link>
            <item><title>one</title><link>https://example.org/1</link><description>&lt;p&gt;x&lt;/p&gt;</description></item>
            </channel></rss>
            """;

    private ParseInBoundedHeap() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: ParseInBoundedHeap FILE [FORBIDDEN_TEXT]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Optional<String> forbidden = args.length == 2 ? Optional.of(args[1]) : Optional.empty();
        FeedParser parser = FeedParser.standard();
        try {
            parser.parse(new FeedDocument("https://example.org/warm-up", WARM_UP.getBytes(StandardCharsets.UTF_8),
                    Optional.empty()));
        } catch (FeedParseException e) {
            System.err.println("warm-up feed refused: " + e.getMessage());
            System.exit(1);
        }
        byte[] bytes = Files.readAllBytes(file);
        long start = System.nanoTime();
        try {
            Feed feed = parser.parse(new FeedDocument(file.toUri().toString(), bytes, Optional.empty()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("parsed: " + feed.entries().size() + " entries");
            if (forbidden.isPresent() && feed.toString().contains(forbidden.get())) {
                System.out.println("leaked: forbidden text");
            }
            System.out.println("took: " + millis + " ms");
        } catch (FeedParseException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.println("refused: " + e.reason());
            System.out.println("took: " + millis + " ms");
        } catch (OutOfMemoryError e) {
            System.out.println("out of memory");
            System.exit(OUT_OF_MEMORY);
        } catch (StackOverflowError e) {
            System.out.println("stack overflow");
            System.exit(STACK_OVERFLOW);
        }
        System.out.flush();
        System.exit(0);
    }
}
