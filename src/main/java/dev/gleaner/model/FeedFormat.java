package dev.gleaner.model;

/** The syndication format a document was written in. */
public enum FeedFormat {
    RSS090("rss090"),
    RSS091("rss091"),
    RSS092("rss092"),
    RSS093("rss093"),
    RSS094("rss094"),
    RSS10("rss10"),
    RSS20("rss20"),
    ATOM03("atom03"),
    ATOM10("atom10"),
    JSON10("json10"),
    JSON11("json11"),
    UNKNOWN("unknown");

    private final String code;

    FeedFormat(String code) {
        this.code = code;
    }

    /** The short name used in {@code parse --json} output, such as {@code rss20}. */
    public String code() {
        return code;
    }
}
