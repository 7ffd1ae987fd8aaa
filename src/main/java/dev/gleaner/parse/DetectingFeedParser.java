package dev.gleaner.parse;

import dev.gleaner.model.Feed;

/** Sends a document to the JSON Feed or the XML reader, by its first meaningful character. */
final class DetectingFeedParser implements FeedParser {
    private final JsonFeedReader json = new JsonFeedReader();
    private final XmlFeedReader xml = new XmlFeedReader();

    @Override
    public Feed parse(FeedDocument document) throws FeedParseException {
        DecodedText text = CharsetSniffer.decode(document.body(), document.charset());
        String content = text.content();
        int start = 0;
        while (start < content.length() && Character.isWhitespace(content.charAt(start))) {
            start++;
        }
        if (start == content.length()) {
            throw new FeedParseException(document.source(), "the document is empty");
        }
        char first = content.charAt(start);
        if (first == '{' || first == '[') {
            // The XML reader maps C1 controls text node by text node; JSON has no such nodes, so the whole text.
            return json.read(document.source(), Windows1252.mapC1(content.substring(start)), text);
        }
        return xml.read(document.source(), content.substring(start), text);
    }
}
