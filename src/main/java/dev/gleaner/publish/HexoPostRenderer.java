package dev.gleaner.publish;

import dev.gleaner.content.CoverImage;
import dev.gleaner.content.HtmlSanitizer;
import dev.gleaner.model.EntryKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Renders an entry as a Hexo post, byte for byte in the format of the original site (see
 * {@code post-format.md}): front matter with title, categories, headimg, author, comments, date and
 * thumbnail, then the sanitized body in a {@code <div>}.
 *
 * <p>Thread-safe.
 */
public final class HexoPostRenderer {
    /** The cover image of the original site for items without one; {@code {n}} is 0..10000. */
    public static final String DEFAULT_IMAGE_TEMPLATE = "https://picsum.photos/400/300?random={n}";
    private static final int IMAGE_NUMBERS = 10_001;

    private final HtmlSanitizer sanitizer;

    public HexoPostRenderer(HtmlSanitizer sanitizer) {
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /**
     * A post and the sanitized body it holds.
     *
     * @param text the post's text
     * @param body the sanitized body, before the escapes that only Hexo needs
     */
    public record Rendered(String text, String body) {
    }

    /** The text of the post for {@code input}. */
    public String render(PostInput input) {
        return renderWithBody(input).text();
    }

    /** The post for {@code input}, with the sanitized body it holds. */
    public Rendered renderWithBody(PostInput input) {
        String body = sanitizer.sanitize(input.entry().body(), input.baseUri());
        String image = URLs.oneLine(CoverImage.of(input.entry(), body, input.baseUri())
                .orElseGet(() -> fallbackCover(input.key(), input.imageTemplate())));
        StringBuilder post = new StringBuilder(body.length() + 512);
        post.append("\n---\n");
        post.append("title: ").append(title(PostNames.title(input.entry().title()))).append('\n');
        post.append("categories: \n");
        for (String level : input.path().levels()) {
            post.append(" - ").append(YamlScalars.plainOrQuoted(level)).append('\n');
        }
        post.append("headimg: ").append(YamlScalars.singleQuoted(image)).append('\n');
        post.append("author: ").append(YamlScalars.plainOrQuoted(input.author())).append('\n');
        post.append("comments: ").append(input.comments()).append('\n');
        post.append("date: ").append(HexoDate.format(input.entry().date().orElse(input.firstSeen()))).append('\n');
        post.append("thumbnail: ").append(YamlScalars.singleQuoted(image)).append('\n');
        post.append("---\n\n");
        post.append("<div>   \n").append(escapedForHexo(body)).append("  \n</div>\n").append(" ".repeat(12));
        return new Rendered(post.toString(), body);
    }

    /** {@code html} sanitized as a post's body is, relative links resolved against {@code baseUri}. */
    public String sanitized(String html, String baseUri) {
        return sanitizer.sanitize(html, baseUri);
    }

    /**
     * The cover of an item whose body has no image: the subscription's template, else the original
     * site's, with {@code {n}} replaced by the item's stable number.
     */
    public static String fallbackCover(EntryKey key, Optional<String> template) {
        return template.orElse(DEFAULT_IMAGE_TEMPLATE).replace("{n}", Integer.toString(key.draw(IMAGE_NUMBERS)));
    }

    /** Titles are single-quoted, or double-quoted when they hold a {@code '}, as the original did. */
    private static String title(String title) {
        return title.indexOf('\'') >= 0 ? YamlScalars.doubleQuoted(title) : YamlScalars.singleQuoted(title);
    }

    /**
     * The body as Hexo must get it. Its template engine would read {@code {{ }}} and {@code {% %}},
     * so braces become entities. And Markdown takes over again after a blank line inside the
     * {@code <div>}: feed text such as {@code [x](javascript:…)} would become a live link, so a
     * {@code ]} that opens a link's target ({@code ](}, {@code ][}, {@code ]:}) becomes an entity too.
     * A browser reads the entities back as the same characters; a {@code ]} anywhere else is kept,
     * as the original site kept it.
     */
    static String escapedForHexo(String html) {
        StringBuilder out = null;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            String entity = switch (c) {
                case '{' -> "&#123;";
                case '}' -> "&#125;";
                case ']' -> opensLinkTarget(html, i + 1) ? "&#93;" : null;
                default -> null;
            };
            if (entity != null && out == null) {
                out = new StringBuilder(html.length() + 64).append(html, 0, i);
            }
            if (out != null) {
                if (entity != null) {
                    out.append(entity);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? html : out.toString();
    }

    private static boolean opensLinkTarget(String html, int next) {
        if (next >= html.length()) {
            return false;
        }
        char c = html.charAt(next);
        return c == '(' || c == '[' || c == ':';
    }

    /** URL text fit for one line of front matter. */
    private static final class URLs {
        static String oneLine(String url) {
            StringBuilder out = new StringBuilder(url.length());
            url.codePoints().filter(c -> !Character.isISOControl(c) && c != 0x2028 && c != 0x2029)
                    .forEach(out::appendCodePoint);
            return out.toString().strip();
        }
    }
}
