package dev.gleaner.fetch;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Recognises an RSSHub instance's answer that is a web page rather than a feed: RSSHub's own error
 * page ("Looks like something went wrong", with the error message in a {@code <code>} block), or
 * any other HTML where a feed should be.
 *
 * <p>RSSHub renders every route as RSS, Atom or JSON, so HTML from an instance always means
 * something went wrong there, even under status 200.
 */
final class RsshubErrorPage {
    private static final int MAX_MESSAGE = 300;

    private RsshubErrorPage() {
    }

    /**
     * Why {@code answer} counts as a failure of the instance, or empty when it is not a web page
     * (a feed, or an error without HTML, judged by its status as usual).
     */
    static Optional<String> reasonOf(HttpAnswer answer) {
        if (!isHtml(answer)) {
            return Optional.empty();
        }
        Document page = parse(answer);
        Optional<String> message = errorMessage(page);
        if (message.isPresent()) {
            return Optional.of("RSSHub error: " + message.get());
        }
        boolean rsshub = page.title().contains("RSSHub") || page.text().contains("RSSHub");
        if (rsshub) {
            String heading = page.select("h1").text().strip();
            return Optional.of("RSSHub error: " + (heading.isEmpty() ? "an error page" : cap(heading)));
        }
        if (!answer.isSuccess()) {
            return Optional.empty();
        }
        String title = page.title().strip();
        return Optional.of("answered with a web page, not a feed" + (title.isEmpty() ? "" : " (" + cap(title) + ")"));
    }

    private static boolean isHtml(HttpAnswer answer) {
        if (answer.body().length == 0) {
            return false;
        }
        String type = answer.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html")) {
            return true;
        }
        String start = new String(answer.body(), 0, Math.min(answer.body().length, 512), StandardCharsets.ISO_8859_1)
                .replace("\u00EF\u00BB\u00BF", "")
                .stripLeading()
                .toLowerCase(Locale.ROOT);
        return start.startsWith("<!doctype html") || start.startsWith("<html");
    }

    private static Document parse(HttpAnswer answer) {
        try {
            String charset = HttpFetcher.charsetOf(answer.headers()).orElse(null);
            return Jsoup.parse(new ByteArrayInputStream(answer.body()), charset, answer.source().toString());
        } catch (IOException | IllegalArgumentException e) {
            // an unknown charset name: read it as UTF-8, which RSSHub always sends
            return Jsoup.parse(new String(answer.body(), StandardCharsets.UTF_8), answer.source().toString());
        }
    }

    /** The text after "Error Message:", in its {@code <code>} block or else after the label. */
    private static Optional<String> errorMessage(Document page) {
        for (Element element : page.getElementsMatchingOwnText("(?i)error message")) {
            Element code = element.selectFirst("code");
            String text = code != null ? code.text() : element.text().replaceFirst("(?i).*error message\\s*:?", "");
            String message = text.strip().replaceAll(":$", "").strip();
            if (!message.isEmpty()) {
                return Optional.of(cap(message));
            }
        }
        return Optional.empty();
    }

    private static String cap(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "…";
    }
}
