package dev.gleaner.bench;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParser;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Items per second through Gleaner's parser, through the parser and the HTML sanitizer, and
 * through stock ROME, over the same RSSHub-style documents held in memory.
 *
 * <p>Each invocation reads the next document of the corpus (round robin) and counts as
 * {@value #ITEMS_PER_DOCUMENT} operations, so JMH's ops/s are items/s. The corpus is the folder
 * named by {@code -p feeds=DIR}, written by {@code shared/bench/gen_feeds.py DIR --items 50}; every
 * document must hold exactly {@value #ITEMS_PER_DOCUMENT} items for both parsers, which the setup
 * checks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class ParseBenchmark {
    /** Items in every document of the corpus: gen_feeds.py's {@code --items}. */
    public static final int ITEMS_PER_DOCUMENT = 50;

    /** The folder of generated feeds ({@code *.xml}). */
    @Param("")
    public String feeds;

    private final FeedParser parser = FeedParser.standard();
    private final HtmlSanitizer sanitizer = new HtmlSanitizer();
    private final List<String> sources = new ArrayList<>();
    private final List<byte[]> documents = new ArrayList<>();
    private int next;

    @Setup
    public void load() throws Exception {
        if (feeds.isEmpty()) {
            throw new IllegalStateException("name the corpus folder: -p feeds=DIR (see bench/README.md)");
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of(feeds))) {
            files = listing.filter(file -> file.toString().endsWith(".xml")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no *.xml feed in " + feeds);
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String source = file.toUri().toString();
            int gleanerItems = parser.parse(new FeedDocument(source, bytes, Optional.empty())).entries().size();
            int romeItems = rome(bytes).getEntries().size();
            if (gleanerItems != ITEMS_PER_DOCUMENT || romeItems != ITEMS_PER_DOCUMENT) {
                throw new IllegalStateException(file + ": Gleaner reads " + gleanerItems + " items, ROME "
                        + romeItems + "; the benchmark counts " + ITEMS_PER_DOCUMENT
                        + " per document (generate with --items " + ITEMS_PER_DOCUMENT + ")");
            }
            sources.add(source);
            documents.add(bytes);
        }
    }

    /** (a) Bytes to {@link Feed}: charset detection, XML, RSS mapping, dates, URLs. */
    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_DOCUMENT)
    public Feed gleanerParse() throws Exception {
        int index = advance();
        return parser.parse(new FeedDocument(sources.get(index), documents.get(index), Optional.empty()));
    }

    /** (b) As (a), then every entry's summary and content through {@link HtmlSanitizer}. */
    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_DOCUMENT)
    public void gleanerParseAndSanitize(Blackhole blackhole) throws Exception {
        int index = advance();
        Feed feed = parser.parse(new FeedDocument(sources.get(index), documents.get(index), Optional.empty()));
        for (Entry entry : feed.entries()) {
            blackhole.consume(sanitizer.sanitize(entry.summary(), entry.base()));
            blackhole.consume(sanitizer.sanitize(entry.content(), entry.base()));
        }
    }

    /** (c) Stock ROME 2.1.0, as most Java feed readers call it (XML healer on). */
    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_DOCUMENT)
    public SyndFeed romeParse() throws Exception {
        return rome(documents.get(advance()));
    }

    private static SyndFeed rome(byte[] bytes) throws Exception {
        return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
    }

    private int advance() {
        int index = next;
        next = index + 1 == documents.size() ? 0 : index + 1;
        return index;
    }
}
