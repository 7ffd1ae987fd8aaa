package dev.gleaner.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One element of a feed document: a small, read-only tree that the format readers walk. Each
 * element knows the {@code xml:base} and {@code xml:lang} in effect on it.
 */
final class XmlElement {
    private static final List<Object> NO_CHILDREN = List.of();

    String namespace;
    final String name;
    final String qualifiedName;
    final Map<String, String> attributes;
    final String base;
    final String lang;
    private List<Object> children = NO_CHILDREN;

    XmlElement(String namespace, String name, String qualifiedName, Map<String, String> attributes, String base,
            String lang) {
        this.namespace = namespace;
        this.name = name;
        this.qualifiedName = qualifiedName;
        this.attributes = attributes;
        this.base = base;
        this.lang = lang;
    }

    /** Moves this element and its descendants from namespace {@code from} to {@code to}. */
    void renameNamespace(String from, String to) {
        if (namespace.equals(from)) {
            namespace = to;
        }
        for (Object child : children) {
            if (child instanceof XmlElement element) {
                element.renameNamespace(from, to);
            }
        }
    }

    /** The {@code xml:base} in effect here, or {@code fallback} where the document sets none. */
    String baseOr(String fallback) {
        return base.isEmpty() ? fallback : base;
    }

    void add(Object child) {
        if (children == NO_CHILDREN) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    /** Child nodes in document order: {@code XmlElement}s and {@code String}s of text. */
    List<Object> children() {
        return children;
    }

    /** Whether this element is {@code name} in one of {@code namespaces}. */
    boolean is(String localName, String... namespaces) {
        if (!name.equals(localName)) {
            return false;
        }
        for (String ns : namespaces) {
            if (ns.equals(namespace)) {
                return true;
            }
        }
        return false;
    }

    /** The first child element named {@code localName} in one of {@code namespaces}. */
    @Nullable XmlElement child(String localName, String... namespaces) {
        for (Object child : children) {
            if (child instanceof XmlElement element && element.is(localName, namespaces)) {
                return element;
            }
        }
        return null;
    }

    /**
     * The last child element named {@code localName} in one of {@code namespaces}: where a feed
     * repeats an element that holds one value, the last one is what readers take.
     */
    @Nullable XmlElement last(String localName, String... namespaces) {
        for (int i = children.size() - 1; i >= 0; i--) {
            if (children.get(i) instanceof XmlElement element && element.is(localName, namespaces)) {
                return element;
            }
        }
        return null;
    }

    /** Every child element named {@code localName} in one of {@code namespaces}. */
    List<XmlElement> all(String localName, String... namespaces) {
        List<XmlElement> found = new ArrayList<>(2);
        for (Object child : children) {
            if (child instanceof XmlElement element && element.is(localName, namespaces)) {
                found.add(element);
            }
        }
        return found;
    }

    /** Whether any child is an element. */
    boolean hasElements() {
        for (Object child : children) {
            if (child instanceof XmlElement) {
                return true;
            }
        }
        return false;
    }

    /** Every child element. */
    List<XmlElement> elements() {
        List<XmlElement> found = new ArrayList<>(children.size());
        for (Object child : children) {
            if (child instanceof XmlElement element) {
                found.add(element);
            }
        }
        return found;
    }

    /** The attribute's value (by local name, or {@code prefix:name} for foreign ones), or empty. */
    String attr(String key) {
        String value = attributes.get(key);
        return value == null ? "" : value;
    }

    /** All the text inside this element, markup left out. */
    String text() {
        if (children.size() == 1 && children.get(0) instanceof String only) {
            return only;
        }
        StringBuilder out = new StringBuilder();
        appendText(out);
        return out.toString();
    }

    private void appendText(StringBuilder out) {
        for (Object child : children) {
            if (child instanceof String text) {
                out.append(text);
            } else {
                ((XmlElement) child).appendText(out);
            }
        }
    }
}
