package dev.gleaner.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Mends the ways feeds in the wild fail to be XML, so a reader still sees their items: junk or a
 * comment before the XML declaration, a DOCTYPE (whose own plain-text entities are expanded, within
 * bounds), HTML entities XML does not know, raw {@code &}, and characters XML forbids.
 */
final class XmlRepair {
    private static final Pattern AMPERSAND = Pattern.compile("&(?:(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};)|([A-Za-z][A-Za-z0-9]{0,31});?)?");

    /** How far into a document a misplaced XML declaration is looked for. */
    private static final int MISPLACED_DECLARATION_WITHIN = 8_192;
    private static final String[] FEED_ROOTS = {"<rss", "<feed", "<rdf:RDF", "<RDF", "<channel", "<entry"};

    private XmlRepair() {
    }

    /** {@code xml} with the usual breakage mended; well-formed input comes back unchanged in meaning. */
    static String repair(String xml) {
        String text = XmlText.withoutIllegalCharacters(xml);
        text = fromDeclaration(fromFirstTag(text));
        int doctype = indexOfIgnoreCase(text, "<!DOCTYPE", 0);
        if (doctype < 0) {
            return outsideCdata(text, InternalEntities.none());
        }
        int end = doctypeEnd(text, doctype);
        InternalEntities entities = InternalEntities.declaredIn(text.substring(doctype, end));
        return outsideCdata(text.substring(0, doctype) + text.substring(end), entities);
    }

    /**
     * The document from its XML declaration where something comes before it that is not the feed:
     * comments, blank space, or the HTML of a server's warning ({@code <b>Notice</b>: …}). XML allows
     * nothing there, and a forgiving reader skips it. Only the head of the document is searched.
     */
    private static String fromDeclaration(String text) {
        int declaration = misplacedDeclaration(text);
        return declaration < 0 ? text : text.substring(declaration);
    }

    /** Where the XML declaration is, when something other than the feed comes before it; else -1. */
    static int misplacedDeclaration(String text) {
        if (text.startsWith("<?xml")) {
            return -1;
        }
        int declaration = text.substring(0, Math.min(text.length(), MISPLACED_DECLARATION_WITHIN)).indexOf("<?xml");
        if (declaration < 0) {
            return -1;
        }
        String before = text.substring(0, declaration);
        for (String root : FEED_ROOTS) {
            if (before.contains(root)) {
                // The feed starts first: the declaration is somewhere inside it, not misplaced.
                return -1;
            }
        }
        return declaration;
    }

    /**
     * Where the DOCTYPE that opens at {@code start} ends. Scanned by hand, in one pass: a pattern
     * would backtrack without end on a hostile prolog.
     */
    private static int doctypeEnd(String text, int start) {
        int depth = 0;
        for (int i = start + 9; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth = Math.max(0, depth - 1);
            } else if (c == '>' && depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    /** Entities are mended only outside CDATA sections, whose text is literal; an unclosed one runs to the end. */
    private static String outsideCdata(String text, InternalEntities entities) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        int last = 0;
        while (last < text.length()) {
            int open = text.indexOf("<![CDATA[", last);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("]]>", open + 9);
            int end = close < 0 ? text.length() : close + 3;
            out.append(ampersands(text.substring(last, open), entities)).append(text, open, end);
            last = end;
        }
        if (last < text.length()) {
            out.append(ampersands(text.substring(last), entities));
        }
        return out.toString();
    }

    private static int indexOfIgnoreCase(String text, String word, int from) {
        for (int i = from; i + word.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, word.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The document from its first {@code <}, keeping an XML declaration found after junk. */
    private static String fromFirstTag(String text) {
        int first = text.indexOf('<');
        if (first <= 0) {
            return text;
        }
        return text.substring(first);
    }

    /**
     * Entities the document declared become their text, HTML's named entities characters (or
     * numeric references); a bare {@code &} becomes {@code &amp;}.
     */
    private static String ampersands(String text, InternalEntities entities) {
        Matcher matcher = AMPERSAND.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int last = 0;
        while (matcher.find()) {
            out.append(text, last, matcher.start());
            last = matcher.end();
            if (matcher.group(1) != null) {
                out.append(matcher.group());
                continue;
            }
            String name = matcher.group(2);
            boolean terminated = matcher.group().endsWith(";");
            String declared = name != null && terminated ? entities.expand(name) : null;
            if (name != null && terminated && isXmlEntity(name)) {
                out.append(matcher.group());
            } else if (declared != null) {
                out.append(declared);
            } else if (name != null && terminated && Entities.isNamedEntity(name)) {
                out.append(numeric(Entities.getByName(name)));
            } else if (name != null && !terminated && Entities.isBaseNamedEntity(name)) {
                // HTML allows a few old entities without the semicolon (&nbsp, &copy); read them as HTML would.
                out.append(numeric(Entities.getByName(name)));
            } else {
                out.append("&amp;").append(matcher.group().substring(1));
            }
        }
        out.append(text, last, text.length());
        return out.toString();
    }

    private static boolean isXmlEntity(String name) {
        return name.equals("amp") || name.equals("lt") || name.equals("gt") || name.equals("quot") || name.equals("apos");
    }

    private static String numeric(String characters) {
        StringBuilder out = new StringBuilder();
        characters.codePoints().forEach(c -> out.append("&#").append(c).append(';'));
        return out.toString();
    }
}
