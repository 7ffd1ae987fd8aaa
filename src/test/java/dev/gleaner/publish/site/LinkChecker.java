package dev.gleaner.publish.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Finds every link in a built site that points into the site, and the ones that lead nowhere. */
final class LinkChecker {
    private final Path root;
    private final String origin;
    private final String basePath;
    private int checked;

    LinkChecker(Path root, String siteUrl) {
        this.root = root;
        int path = siteUrl.indexOf('/', siteUrl.indexOf("//") + 2);
        this.origin = siteUrl.substring(0, path);
        this.basePath = siteUrl.substring(path);
    }

    /** The broken internal links of every HTML page, as {@code page -> link}. */
    List<String> brokenLinks() {
        List<String> broken = new ArrayList<>();
        for (Path page : files(".html")) {
            Document document;
            try {
                document = Jsoup.parse(page.toFile(), "UTF-8");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (Element element : document.select("a[href], link[href], script[src], img[src]")) {
                String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
                check(root.relativize(page) + " -> " + link, link, broken);
            }
        }
        return broken;
    }

    /** Checks one address; internal ones must name a file of the site. */
    void check(String where, String link, List<String> broken) {
        String path = link;
        if (path.startsWith(origin + "/")) {
            path = path.substring(origin.length());
        }
        if (!path.startsWith(basePath) || path.startsWith("//")) {
            return;
        }
        checked++;
        int cut = indexOfAny(path, '?', '#');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        String relative = URLDecoder.decode(path.substring(basePath.length()), StandardCharsets.UTF_8);
        Path target = root.resolve(relative).normalize();
        if (relative.isEmpty() || relative.endsWith("/")) {
            target = target.resolve("index.html");
        }
        if (!target.startsWith(root) || !Files.isRegularFile(target)) {
            broken.add(where);
        }
    }

    /** How many internal links were checked. */
    int checked() {
        return checked;
    }

    List<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int indexOfAny(String text, char a, char b) {
        int i = text.indexOf(a);
        int j = text.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }
}
