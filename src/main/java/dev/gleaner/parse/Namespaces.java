package dev.gleaner.parse;

/** The XML namespaces of the feed formats and of the extensions read from them. */
final class Namespaces {
    static final String NONE = "";
    static final String ATOM10 = "http://www.w3.org/2005/Atom";
    static final String ATOM03 = "http://purl.org/atom/ns#";
    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RSS10 = "http://purl.org/rss/1.0/";
    static final String RSS090 = "http://my.netscape.com/rdf/simple/0.9/";
    static final String RSS_USERLAND = "http://backend.userland.com/rss2";
    static final String RSS_USERLAND_OLD = "http://blogs.law.harvard.edu/tech/rss";
    static final String RSS_USERLAND_21 = "http://backend.userland.com/rss2.1";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String DCTERMS = "http://purl.org/dc/terms/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";
    static final String MEDIA_OLD = "http://search.yahoo.com/mrss";
    static final String ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    static final String XHTML = "http://www.w3.org/1999/xhtml";
    static final String XML = "http://www.w3.org/XML/1998/namespace";

    /** Where the core RSS elements may live: no namespace, RSS 1.0, RSS 0.90 and Userland's. */
    static final String[] RSS = {NONE, RSS10, RSS090, RSS_USERLAND, RSS_USERLAND_OLD, RSS_USERLAND_21};
    /** Both Atom versions, and none for Atom documents that forgot theirs. */
    static final String[] ATOM = {ATOM10, ATOM03, NONE};

    private Namespaces() {
    }
}
