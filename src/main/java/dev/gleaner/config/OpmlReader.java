package dev.gleaner.config;

import dev.gleaner.model.FeedUrl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Reads an OPML document (1.0, 1.1 or 2.0, as feed readers export their subscriptions) into
 * subscriptions: the titles of the outlines around a feed become the categories of its path.
 *
 * <pre>{@code OpmlTree tree = new OpmlReader().read(Path.of("feeds.opml"), CategoryPath.of("导入"));}</pre>
 *
 * <p>A feed is an outline with an {@code xmlUrl} (the attribute's name in any case, as exporters vary).
 * Its name is its {@code title}, else its {@code text}, else its URL's host. Its {@code type} is not
 * checked, but for the pages FreshRSS scrapes ({@code HTML+XPath}, {@code JSON+DotNotation}), which are
 * left out. Other outlines are categories, named the same way (one without a name adds no level);
 * empty ones are passed over, and categories of one name beside each other are one. A feed's
 * {@code category} attribute (comma-separated, as some exporters write it) adds the levels of its first
 * slash path ({@code /Tech/News}) below the nesting; entries without a slash are tags, ignored. With a
 * prefix every feed goes under it; without one, a feed outside any category has a path of one level,
 * its own name, and a warning says so.
 *
 * <p>The tree is made fit for the configuration, each change a warning: a second feed of one name in
 * one category is named after its host too ({@code Blog (example.org)}, then {@code Blog (example.org)
 * 2}); a category named like a feed beside it gets a number, as do names the configuration would read
 * as a feed's options (see {@link YamlTreeWriter#section}); and a URL listed twice is kept where it first
 * appears (Inoreader lists a feed once in each of its folders). A feed whose URL is not
 * {@code http(s)://} or {@code rsshub://} is left out, {@code file:} too unless
 * {@link #allowingFileUrls()}: a list from elsewhere must not make Gleaner publish this computer's
 * files. The options {@link OpmlWriter} writes in its namespace are read back; one not understood is a
 * warning and keeps its default.
 *
 * <p>The document is read with jsoup's XML parser, which fetches nothing and expands no entity a DTD
 * declares (the reference stays as text, {@code &xxe;}), so neither an external entity nor an entity
 * bomb does anything; no more than the size bound is read, and outlines nested deeper than 32 levels
 * are refused. Instances are thread-safe.
 */
public final class OpmlReader {
    /** How large a document may be unless the reader is given another bound: 8 MiB. */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
    /** How deep outlines may nest: far deeper than any category tree, and shallow enough for the configuration. */
    static final int MAX_DEPTH = 32;
    private static final Pattern HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://(?:[^@/?#]*@)?([^/?#:]+)");

    private final int maxBytes;
    private final boolean fileUrls;

    /** A reader of documents up to {@link #DEFAULT_MAX_BYTES}, which leaves {@code file:} URLs out. */
    public OpmlReader() {
        this(DEFAULT_MAX_BYTES);
    }

    /** A reader of documents up to {@code maxBytes}, which leaves {@code file:} URLs out. */
    public OpmlReader(int maxBytes) {
        this(maxBytes, false);
    }

    private OpmlReader(int maxBytes, boolean fileUrls) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be above zero: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.fileUrls = fileUrls;
    }

    /** A reader like this one that takes {@code file:} URLs too, for a list Gleaner itself wrote. */
    public OpmlReader allowingFileUrls() {
        return new OpmlReader(maxBytes, true);
    }

    /**
     * The subscriptions {@code file} lists, a feed outside any category getting a path of its name alone.
     *
     * @throws OpmlException when the file cannot be read, is larger than the bound, is not OPML or lists
     *     no feed that can be followed; the message starts with the file
     */
    public OpmlTree read(Path file) throws OpmlException {
        return read(file, Optional.empty());
    }

    /**
     * The subscriptions {@code file} lists, each under {@code under}: a flat list all in that category,
     * a nested one with its tree below it.
     *
     * @throws OpmlException as {@link #read(Path)} does
     */
    public OpmlTree read(Path file, CategoryPath under) throws OpmlException {
        return read(file, Optional.of(under));
    }

    /**
     * The subscriptions the document {@code in} holds, named {@code source} in messages; the stream is
     * read up to the bound and not closed.
     *
     * @throws OpmlException as {@link #read(Path)} does
     */
    public OpmlTree read(String source, InputStream in) throws OpmlException {
        return read(source, in, Optional.empty());
    }

    /**
     * The subscriptions the document {@code in} holds, each under {@code under}.
     *
     * @throws OpmlException as {@link #read(Path)} does
     */
    public OpmlTree read(String source, InputStream in, CategoryPath under) throws OpmlException {
        return read(source, in, Optional.of(under));
    }

    private OpmlTree read(Path file, Optional<CategoryPath> under) throws OpmlException {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        try {
            if (Files.size(file) > maxBytes) {
                throw OpmlDocument.tooLarge(source, maxBytes);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read(source, in, under);
            }
        } catch (NoSuchFileException e) {
            throw new OpmlException(source, "no such file", e);
        } catch (IOException e) {
            throw new OpmlException(source, "cannot be read: " + e.getMessage(), e);
        }
    }

    private OpmlTree read(String source, InputStream in, Optional<CategoryPath> under) throws OpmlException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(in, "in");
        OpmlDocument document = OpmlDocument.read(source, in, maxBytes);
        Reading reading = new Reading(source, new OpmlOptions(document.opml()),
                under.map(CategoryPath::levels).orElse(List.of()));
        reading.outlines(document.body(), List.of(), 1);
        return reading.result(document.title(), under.isPresent());
    }

    /** One pass over one document's outlines, noting what was left out on the way. */
    private final class Reading {
        private final String source;
        private final OpmlOptions options;
        private final List<String> under;
        private final List<String> warnings = new ArrayList<>();
        private final ImportedTree tree;
        private final Map<String, Integer> firstLines = new HashMap<>();
        private int feeds;
        private Optional<String> firstLeftOut = Optional.empty();

        Reading(String source, OpmlOptions options, List<String> under) {
            this.source = source;
            this.options = options;
            this.under = under;
            this.tree = new ImportedTree(source, warnings);
        }

        void outlines(Element parent, List<String> levels, int depth) throws OpmlException {
            for (Element outline : parent.children()) {
                if (!outline.normalName().equals("outline")) {
                    continue;
                }
                if (depth > MAX_DEPTH) {
                    throw new OpmlException(source + ":" + line(outline), "outlines nested deeper than " + MAX_DEPTH
                            + " levels; no category tree is that deep");
                }
                String url = attribute(outline, "xmlUrl").strip();
                if (!url.isEmpty()) {
                    feed(outline, levels, url);
                    if (!outline.children().isEmpty()) {
                        warn(outline, "the feed " + url + " has outlines inside it; they are read as beside it");
                        outlines(outline, levels, depth + 1);
                    }
                } else {
                    List<String> inner = new ArrayList<>(levels);
                    name(outline).ifPresent(inner::add);
                    outlines(outline, inner, depth + 1);
                }
            }
        }

        private void feed(Element outline, List<String> levels, String url) {
            feeds++;
            Optional<String> problem = typeProblem(attribute(outline, "type")).or(() -> urlProblem(url));
            if (problem.isPresent()) {
                warn(outline, "left out " + url + ": " + problem.get());
                if (firstLeftOut.isEmpty()) {
                    firstLeftOut = Optional.of("line " + line(outline) + ", " + url + ": " + problem.get());
                }
                return;
            }
            Integer first = firstLines.putIfAbsent(url, line(outline));
            if (first != null) {
                warn(outline, url + " is listed again; it is kept where it first appears, at line " + first);
                return;
            }
            Matcher host = HOST.matcher(url);
            String hostName = host.find() ? host.group(1).toLowerCase(Locale.ROOT) : "";
            String name = name(outline).orElse(hostName.isEmpty() ? url : hostName);
            List<String> path = new ArrayList<>(under);
            path.addAll(levels);
            path.addAll(categoryAttribute(outline));
            Optional<String> page = Optional.of(attribute(outline, "htmlUrl").strip()).filter(text -> !text.isEmpty());
            ImportedTree.Options set = options.of(outline, message -> warn(outline, message));
            tree.add(new ImportedTree.Feed(path, name, hostName, url, set, line(outline), page));
        }

        /** FreshRSS scrapes web pages and JSON APIs by XPath and dot notation, outlines of their own type. */
        private Optional<String> typeProblem(String type) {
            String lower = type.toLowerCase(Locale.ROOT);
            return lower.contains("xpath") || lower.contains("dotnotation")
                    ? Optional.of("its type, " + type + ", is a page scraped by its reader, not a feed")
                    : Optional.empty();
        }

        private Optional<String> urlProblem(String url) {
            Optional<FeedUrl> parsed = FeedUrl.tryParse(url);
            if (parsed.isEmpty()) {
                return Optional.of(url.regionMatches(true, 0, "rsshub:", 0, 7) ? "expected rsshub://ROUTE"
                        : "expected an http(s):// or rsshub:// URL");
            }
            boolean hasHost = url.indexOf("://") > 0 && url.length() > url.indexOf("://") + 3;
            return switch (parsed.get().kind()) {
                case WEB -> hasHost ? Optional.empty() : Optional.of("it names no host");
                case ROUTE -> hasHost ? Optional.empty() : Optional.of("expected rsshub://ROUTE");
                case FILE -> fileUrls ? Optional.empty()
                        : Optional.of("a file: URL of a list from elsewhere would have this computer's file published");
            };
        }

        /** The levels of the first slash path of the {@code category} attribute; tags have no slash. */
        private List<String> categoryAttribute(Element outline) {
            for (String entry : attribute(outline, "category").split(",")) {
                if (entry.contains("/")) {
                    return List.of(entry.split("/")).stream().map(String::strip).filter(level -> !level.isEmpty())
                            .toList();
                }
            }
            return List.of();
        }

        OpmlTree result(Optional<String> title, boolean underPrefix) throws OpmlException {
            List<Subscription> subscriptions = tree.subscriptions();
            if (subscriptions.isEmpty()) {
                throw new OpmlException(source, feeds == 0 ? "no feed in it: no <outline> has an xmlUrl"
                        : "no feed to import: " + (feeds == 1 ? "the one it has is" : "all " + feeds + " are")
                                + " left out; " + firstLeftOut.orElse(""));
            }
            long top = subscriptions.stream().filter(s -> s.path().levels().size() == 1).count();
            if (!underPrefix && top > 0) {
                warnings.add(source + ": " + top + (top == 1 ? " feed stands" : " feeds stand")
                        + " outside any category, each with a path of its own name alone; "
                        + "give a category to file them under");
            }
            return new OpmlTree(title, subscriptions, tree.htmlUrls(), warnings);
        }

        private void warn(Element outline, String message) {
            warnings.add(source + ":" + line(outline) + ": " + message);
        }
    }

    /** Its {@code title}, else its {@code text}, when either holds more than spaces. */
    private static Optional<String> name(Element outline) {
        for (String key : List.of("title", "text")) {
            String name = attribute(outline, key).strip();
            if (!name.isEmpty()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The attribute's value whatever the case of its name (xmlUrl, xmlurl, XMLURL), or nothing. */
    private static String attribute(Element outline, String name) {
        return outline.attributes().getIgnoreCase(name);
    }

    private static int line(Element element) {
        return element.sourceRange().start().lineNumber();
    }
}
