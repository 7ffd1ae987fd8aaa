package dev.gleaner.publish;

/** The address an item's relative links are resolved against. */
public final class BaseUri {
    private BaseUri() {
    }

    /** The item's own link when it is a web address, else its feed's, else none (links stay relative). */
    public static String of(String link, String feedUrl) {
        if (isWeb(link)) {
            return link;
        }
        return isWeb(feedUrl) ? feedUrl : "";
    }

    private static boolean isWeb(String url) {
        return url.startsWith("http://") || url.startsWith("https://");
    }
}
