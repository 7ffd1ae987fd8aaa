package dev.gleaner.parse;

import java.util.Map;
import java.util.Set;

/** Writes inline XHTML (Atom {@code type="xhtml"}, RSS {@code xhtml:body}) out as HTML text. */
final class XhtmlSerializer {
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "param", "source", "track", "wbr");

    private XhtmlSerializer() {
    }

    /** The HTML of {@code element}'s children. */
    static String inner(XmlElement element) {
        StringBuilder out = new StringBuilder();
        for (Object child : element.children()) {
            write(child, out);
        }
        return out.toString();
    }

    /**
     * The HTML of an element that holds HTML as text (an RSS {@code description}) but where the feed
     * left some of the markup unescaped: its text is already HTML and stays as it is, and the
     * elements the XML reader saw are written back.
     */
    static String mixed(XmlElement element) {
        StringBuilder out = new StringBuilder();
        for (Object child : element.children()) {
            if (child instanceof String text) {
                out.append(text);
            } else {
                write(child, out);
            }
        }
        return out.toString();
    }

    private static void write(Object node, StringBuilder out) {
        if (node instanceof String text) {
            out.append(XmlText.escapeHtml(text));
            return;
        }
        XmlElement element = (XmlElement) node;
        String tag = element.name;
        out.append('<').append(tag);
        for (Map.Entry<String, String> attribute : element.attributes.entrySet()) {
            String key = attribute.getKey();
            int space = key.lastIndexOf(' ');
            String name = space < 0 ? key : (key.startsWith(Namespaces.XML) ? "xml:" : "") + key.substring(space + 1);
            if (key.startsWith("http://www.w3.org/1999/xlink ")) {
                name = "xlink:" + key.substring(space + 1);
            }
            // Links inside inline XHTML resolve against the xml:base in effect on their own element.
            String value = (name.equals("href") || name.equals("src")) && !element.base.isEmpty()
                    ? Urls.resolve(element.base, attribute.getValue().strip()) : attribute.getValue();
            out.append(' ').append(name).append("=\"").append(XmlText.escapeHtml(value)).append('"');
        }
        if (VOID.contains(tag) && element.children().isEmpty()) {
            out.append('>');
            return;
        }
        out.append('>');
        for (Object child : element.children()) {
            write(child, out);
        }
        out.append("</").append(tag).append('>');
    }
}
