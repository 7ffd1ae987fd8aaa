package dev.gleaner.cli;

import dev.gleaner.app.Gleaner;
import dev.gleaner.config.Config;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.fetch.FetchException;
import dev.gleaner.fetch.FetchOutcome;
import dev.gleaner.fetch.FetchRequest;
import dev.gleaner.fetch.Fetcher;
import dev.gleaner.model.Entry;
import dev.gleaner.model.Feed;
import dev.gleaner.model.FeedUrl;
import dev.gleaner.parse.FeedDocument;
import dev.gleaner.parse.FeedParseException;
import dev.gleaner.parse.FeedParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gleaner parse --json}: print what the parser reads in feeds, one JSON document per input. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse feeds and print what was read, as JSON (one document per line); writes nothing.",
        footerHeading = "%nExamples:%n",
        footer = {"  gleaner parse --json examples/feeds/zhihu-hotlist.xml",
            "  gleaner parse --json https://example.org/feed.xml"})
final class ParseCommand implements Callable<Integer> {

    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(names = "--json", required = true, description = "Print JSON (the only output form so far).")
    boolean json;

    @Parameters(paramLabel = "FILE_OR_URL", arity = "1..*", description = "Feed files or http(s) URLs.")
    List<String> inputs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        global.applyLogLevel();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        FeedParser parser = Gleaner.feedParser();
        HtmlSanitizer sanitizer = HtmlSanitizer.withoutPageAttributes();
        int failures = 0;
        Optional<Config> config = Optional.empty();
        if (global.config != null || Files.exists(global.configFile())) {
            // With a configuration, URLs are fetched as a run would: its RSSHub instances, its allow list.
            config = global.loadConfig(err);
            if (config.isEmpty()) {
                return ExitCodes.USAGE;
            }
        }
        try (Fetcher fetcher = Gleaner.standaloneFetcher(config)) {
            for (String input : inputs) {
                try {
                    out.println(FeedJson.of(sanitized(parser.parse(document(fetcher, input)), sanitizer)));
                } catch (FeedParseException | FetchException | IOException | RuntimeException e) {
                    failures++;
                    String message = e instanceof NoSuchFileException ? input + ": no such file" : e.getMessage();
                    err.println("gleaner: " + message);
                    if (inputs.size() > 1) {
                        out.println(FeedJson.error(message));
                    }
                }
            }
        }
        out.flush();
        return failures == 0 ? ExitCodes.OK : ExitCodes.FAILED;
    }

    /** The feed with its HTML sanitized, as the parse-json contract promises. */
    private static Feed sanitized(Feed feed, HtmlSanitizer sanitizer) {
        List<Entry> entries = new ArrayList<>(feed.entries().size());
        for (Entry entry : feed.entries()) {
            entries.add(entry.withHtml(sanitizer.sanitize(entry.summary(), entry.base()),
                    sanitizer.sanitize(entry.content(), entry.base())));
        }
        return new Feed(feed.format(), feed.info(), entries, feed.bozo(), feed.problems());
    }

    private static FeedDocument document(Fetcher fetcher, String input) throws IOException, FetchException {
        Optional<FeedUrl> url = FeedUrl.tryParse(input);
        Path path = Path.of(input);
        if (url.isPresent()) {
            switch (url.get().kind()) {
                case WEB, ROUTE -> {
                    // A first fetch sends no validators, so the answer always has a body.
                    if (fetcher.fetch(FetchRequest.of(input)) instanceof FetchOutcome.Fetched fetched) {
                        return new FeedDocument(fetched.source(), fetched.body(), fetched.charset());
                    }
                    throw new IllegalStateException(input + ": not modified, though nothing was sent to compare");
                }
                case FILE -> path = Path.of(URI.create(input));
            }
        }
        return new FeedDocument(path.toAbsolutePath().toUri().toString(), Files.readAllBytes(path), Optional.empty());
    }
}
