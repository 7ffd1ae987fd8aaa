package dev.gleaner.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The part of the allowlist for inline SVG drawings and MathML formulas, and the pruning that keeps
 * them to plain shapes, text and formulas.
 *
 * <p>Inside {@code <svg>} and {@code <math>}, only the drawing and formula elements listed here
 * stay; the others go with all they hold: scripts and styles, {@code <foreignObject>} and
 * {@code <annotation-xml>} (which carry HTML), {@code <animate>}, {@code <set>} and {@code <use>}
 * (which can rewrite a link or pull in another document), and the MathML elements that browsers
 * parse in odd ways ({@code <mglyph>}, {@code <malignmark>}). HTML elements nested inside a
 * drawing or a formula are replaced by their text, and HTML elements that only share a name with
 * one ({@code <title>}) are unwrapped. Both rules keep what is written out equal to
 * what a browser builds when it reads it back, which is what defeats namespace-confusion tricks.
 */
final class ForeignContent {
    static final Set<String> SVG_ELEMENTS = Set.of(
            "svg", "g", "defs", "desc", "title", "circle", "ellipse", "line", "path", "polygon", "polyline", "rect",
            "text", "tspan", "lineargradient", "radialgradient", "stop", "marker", "a", "switch");

    static final Set<String> MATHML_ELEMENTS = Set.of(
            "math", "mrow", "mi", "mo", "mn", "ms", "mtext", "mspace", "msup", "msub", "msubsup", "mfrac", "msqrt",
            "mroot", "mfenced", "mtable", "mtr", "mtd", "mlabeledtr", "mover", "munder", "munderover",
            "mmultiscripts", "mprescripts", "none", "mstyle", "merror", "mpadded", "mphantom", "menclose",
            "semantics", "annotation");

    private static final Set<String> SVG_ATTRIBUTES = Set.of(
            "version", "baseprofile", "width", "height", "viewbox", "preserveaspectratio", "x", "y", "x1", "y1",
            "x2", "y2", "cx", "cy", "r", "rx", "ry", "fx", "fy", "d", "points", "transform", "fill", "fill-opacity",
            "fill-rule", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
            "stroke-dasharray", "stroke-dashoffset", "stroke-miterlimit", "opacity", "offset", "stop-color",
            "stop-opacity", "gradientunits", "gradienttransform", "spreadmethod", "font-family", "font-size",
            "font-weight", "font-style", "text-anchor", "dominant-baseline", "dx", "dy", "rotate", "textlength",
            "lengthadjust", "markerwidth", "markerheight", "markerunits", "refx", "refy", "orient", "marker-start",
            "marker-mid", "marker-end", "visibility", "xml:space");

    private static final Set<String> MATHML_ATTRIBUTES = Set.of(
            "display", "mathvariant", "mathcolor", "mathbackground", "mathsize", "displaystyle", "scriptlevel",
            "fence", "separator", "stretchy", "symmetric", "largeop", "movablelimits", "accent", "accentunder",
            "lspace", "rspace", "minsize", "maxsize", "linethickness", "numalign", "denomalign", "bevelled", "open",
            "close", "separators", "notation", "columnalign", "rowalign", "columnspacing", "rowspacing",
            "columnlines", "rowlines", "frame", "framespacing", "equalrows", "equalcolumns", "rowspan",
            "columnspan", "width", "height", "depth", "voffset", "encoding");

    /** Attributes of both kinds: names, language, and the plain XLink hints. */
    private static final Set<String> COMMON_ATTRIBUTES = Set.of(
            "id", "class", "lang", "xml:lang", "dir", "xlink:type", "xlink:show", "xlink:title");

    /** Paint and marker attributes may point at a gradient or marker of the same drawing, nothing else. */
    private static final Set<String> PAINT_ATTRIBUTES = Set.of("fill", "stroke", "marker-start", "marker-mid",
            "marker-end");
    private static final Pattern LOCAL_REFERENCE = Pattern.compile("url\\(\\s*#[\\w.:-]+\\s*\\)(?:\\s+\\S+)?");

    private ForeignContent() {
    }

    /** Whether {@code element} is an SVG or MathML element. */
    static boolean isForeign(Element element) {
        String namespace = element.tag().namespace();
        return namespace.equals(Parser.NamespaceSvg) || namespace.equals(Parser.NamespaceMathml);
    }

    /**
     * Removes from {@code root}'s drawings and formulas every element not on their lists, and turns
     * the HTML elements nested in them into text.
     */
    static void prune(Element root) {
        Pruning pruning = new Pruning(root);
        NodeTraversor.filter(pruning, root);
        pruning.apply();
    }

    /** Finds in one walk what to remove, to turn into text and to unwrap, then does it. */
    private static final class Pruning implements NodeFilter {
        private final Element root;
        private final List<Element> removed = new ArrayList<>();
        private final List<Element> madeText = new ArrayList<>();
        private final List<Element> unwrapped = new ArrayList<>();
        private int foreignDepth;

        Pruning(Element root) {
            this.root = root;
        }

        @Override
        public FilterResult head(Node node, int depth) {
            if (!(node instanceof Element element) || element == root) {
                return FilterResult.CONTINUE;
            }
            String name = element.normalName();
            if (isForeign(element)) {
                boolean svg = element.tag().namespace().equals(Parser.NamespaceSvg);
                if (!(svg ? SVG_ELEMENTS : MATHML_ELEMENTS).contains(name)) {
                    removed.add(element);
                    return FilterResult.SKIP_ENTIRELY;
                }
                foreignDepth++;
            } else if (foreignDepth > 0) {
                madeText.add(element);
                return FilterResult.SKIP_ENTIRELY;
            } else if (!PublishSafelist.HTML_ELEMENTS.contains(name)
                    && (SVG_ELEMENTS.contains(name) || MATHML_ELEMENTS.contains(name))) {
                // An HTML element named like a drawing element (an HTML <title> in the body) is no drawing.
                unwrapped.add(element);
            }
            return FilterResult.CONTINUE;
        }

        @Override
        public FilterResult tail(Node node, int depth) {
            if (node instanceof Element element && element != root && isForeign(element)) {
                foreignDepth--;
            }
            return FilterResult.CONTINUE;
        }

        void apply() {
            removed.forEach(Element::remove);
            madeText.forEach(element -> element.replaceWith(new TextNode(element.wholeText())));
            unwrapped.forEach(Element::unwrap);
        }
    }

    /** Whether the foreign {@code element} may keep its {@code attribute}, leaving links aside. */
    static boolean allows(Element element, String attribute, String value) {
        String key = attribute.toLowerCase(Locale.ROOT);
        if (COMMON_ATTRIBUTES.contains(key)) {
            return true;
        }
        boolean svg = element.tag().namespace().equals(Parser.NamespaceSvg);
        if (!(svg ? SVG_ATTRIBUTES : MATHML_ATTRIBUTES).contains(key)) {
            return false;
        }
        return !PAINT_ATTRIBUTES.contains(key) || !value.toLowerCase(Locale.ROOT).contains("url(")
                || LOCAL_REFERENCE.matcher(value.strip()).matches();
    }
}
