package dev.gleaner.content;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * The allowlist of elements and attributes that may reach a post or a page: the structure of
 * articles, tables, media, drawings and formulas, with no script, style element, event handler,
 * form control, frame, object or embed.
 *
 * <p>Attributes that only describe or lay out what they sit on are kept on any element, as
 * feedparser keeps them, and so is any {@code data-*} or {@code aria-*} attribute (Zhihu's feeds
 * carry {@code data-*} on every paragraph; none can run). URLs pass {@link UrlPolicy}, inline
 * styles {@link CssSanitizer}. Left out on purpose: {@code ping} (it reports clicks to a third
 * party), {@code tabindex}, {@code accesskey} and {@code contenteditable} (they take over the
 * reader's keyboard on our page), {@code rel} (our page sets it), {@code name} except on links and
 * image maps (it can shadow the page's own objects), and {@code open} on {@code <dialog>} (it
 * would lay the dialog over the page).
 */
final class PublishSafelist extends Safelist {
    /** HTML elements kept; any other is dropped and its text kept. */
    static final Set<String> HTML_ELEMENTS = Set.of(
            // text
            "a", "abbr", "acronym", "address", "b", "bdi", "bdo", "big", "blockquote", "br", "center", "cite",
            "code", "data", "del", "dfn", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd",
            "m", "mark", "nobr", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strike",
            "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
            // sections and lists
            "article", "aside", "details", "dialog", "dir", "div", "dd", "dl", "dt", "figcaption", "figure",
            "footer", "header", "hgroup", "li", "main", "menu", "multicol", "nav", "ol", "section", "spacer",
            "summary", "ul",
            // tables
            "caption", "col", "colgroup", "table", "tbody", "td", "tfoot", "th", "thead", "tr",
            // media and image maps
            "area", "audio", "canvas", "img", "map", "picture", "source", "track", "video",
            // inert widgets: nothing in them can be typed, chosen or sent
            "datagrid", "datalist", "event-source", "fieldset", "keygen", "label", "legend", "meter", "output",
            "progress");

    /** Attributes kept on every HTML element. */
    private static final Set<String> GLOBAL_ATTRIBUTES = Set.of(
            "abbr", "accept-charset", "align", "alt", "autofocus", "axis", "background", "balance", "bgcolor",
            "bgproperties", "border", "bordercolor", "bottompadding", "cellpadding", "cellspacing", "ch",
            "challenge", "char", "charoff", "charset", "checked", "cite", "class", "clear", "color", "cols",
            "colspan", "compact", "coords", "datafld", "datapagesize", "datasrc", "datetime", "default", "dir",
            "disabled", "draggable", "enctype", "face", "for", "form", "frame", "headers", "height", "hidden",
            "hidefocus", "high", "href", "hreflang", "hspace", "id", "ismap", "keytype", "label", "lang",
            "leftspacing", "loop", "loopcount", "loopend", "loopstart", "low", "max", "maxlength", "media", "min",
            "multiple", "noshade", "nowrap", "open", "optimum", "pattern", "poster", "pqg", "preload",
            "radiogroup", "readonly", "repeat-max", "repeat-min", "replace", "required", "rev", "rightspacing",
            "role", "rows", "rowspan", "rules", "scope", "selected", "shape", "size", "span", "src", "start",
            "step", "summary", "suppress", "template", "title", "toppadding", "translate", "type", "unselectable",
            "urn", "usemap", "valign", "value", "volume", "vspace", "width", "wrap", "xml:lang");

    /** Attributes kept only on some HTML elements. */
    private static final Map<String, Set<String>> ELEMENT_ATTRIBUTES = Map.of(
            "a", Set.of("name", "target"),
            "area", Set.of("target"),
            "map", Set.of("name"),
            "img", Set.of("srcset", "sizes", "loading", "referrerpolicy"),
            "video", Set.of("controls", "muted", "playsinline"),
            "audio", Set.of("controls", "muted"),
            "source", Set.of("srcset", "sizes"),
            "track", Set.of("kind", "srclang"),
            "ol", Set.of("reversed"));

    PublishSafelist() {
        addTags(Stream.of(HTML_ELEMENTS, ForeignContent.SVG_ELEMENTS, ForeignContent.MATHML_ELEMENTS)
                .flatMap(Set::stream).distinct().toArray(String[]::new));
    }

    /**
     * Whether {@code attribute} may stay on {@code element}; a URL or a style that may stay is
     * rewritten in place to its safe form (absolute URL, kept declarations).
     */
    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
        String key = attribute.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on")) {
            return false; // event handlers, on any element of any namespace
        }
        if (key.equals("style")) {
            return rewrite(attribute, Optional.of(CssSanitizer.clean(attribute.getValue())).filter(s -> !s.isEmpty()));
        }
        if (ForeignContent.isForeign(element)) {
            return key.equals("href") || key.equals("xlink:href")
                    ? keepUrl(element, attribute, UrlPolicy.LINK)
                    : ForeignContent.allows(element, key, attribute.getValue());
        }
        if (key.startsWith("data-") && isName(key, 5) || key.startsWith("aria-") && isName(key, 5)) {
            return true;
        }
        String tag = element.normalName();
        if (!GLOBAL_ATTRIBUTES.contains(key) && !ELEMENT_ATTRIBUTES.getOrDefault(tag, Set.of()).contains(key)) {
            return false;
        }
        return switch (key) {
            case "href", "cite" -> keepUrl(element, attribute, UrlPolicy.LINK);
            case "src" -> keepUrl(element, attribute, tag.equals("img") ? UrlPolicy.IMAGE : UrlPolicy.MEDIA);
            case "poster", "background" -> keepUrl(element, attribute, UrlPolicy.MEDIA);
            case "srcset" -> rewrite(attribute, SrcSet.check(attribute.getValue(), resolver(element, attribute)));
            // Our pages send no Referer (DESIGN.md); a feed may not ask for more.
            case "referrerpolicy" -> attribute.getValue().strip().equalsIgnoreCase("no-referrer");
            case "open" -> !tag.equals("dialog");
            default -> true;
        };
    }

    private static boolean keepUrl(Element element, Attribute attribute, UrlPolicy policy) {
        return rewrite(attribute, policy.check(attribute.getValue(), resolver(element, attribute)));
    }

    /** Resolves against the element's base, as jsoup's {@code absUrl} does, so URLs keep one form. */
    private static UrlPolicy.Resolver resolver(Element element, Attribute attribute) {
        String key = attribute.getKey();
        return relative -> {
            attribute.setValue(relative);
            return element.absUrl(key);
        };
    }

    private static boolean rewrite(Attribute attribute, Optional<String> value) {
        value.ifPresent(attribute::setValue);
        return value.isPresent();
    }

    /** Whether {@code key} from {@code from} on is a plain attribute name part. */
    private static boolean isName(String key, int from) {
        if (key.length() <= from) {
            return false;
        }
        for (int i = from; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
