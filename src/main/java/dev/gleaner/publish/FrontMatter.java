package dev.gleaner.publish;

import java.util.List;
import java.util.Optional;

/**
 * Where a post's front matter lies: the text between its opening {@code ---} line (after blank lines,
 * as the reference format starts with one) and its closing one.
 *
 * @param start where the front matter's text starts
 * @param end just after the closing {@code ---} line
 * @param text the front matter's text
 */
record FrontMatter(int start, int end, String text) {

    static Optional<FrontMatter> find(String post) {
        int at = 0;
        while (at < post.length() && (post.charAt(at) == '\n' || post.charAt(at) == '\r')) {
            at++;
        }
        if (!post.startsWith("---\n", at)) {
            return Optional.empty();
        }
        int start = at + 4;
        int close = start;
        while (true) {
            int next = post.indexOf("\n", close);
            String line = (next < 0 ? post.substring(close) : post.substring(close, next)).stripTrailing();
            if (line.equals("---")) {
                return Optional.of(new FrontMatter(start, next < 0 ? post.length() : next + 1,
                        post.substring(start, close)));
            }
            if (next < 0) {
                return Optional.empty();
            }
            close = next + 1;
        }
    }

    /**
     * {@code post} with its {@code categories} and {@code author} written anew, everything else kept byte
     * for byte: a post follows its subscription to a new place in the tree.
     */
    static String rewrite(String post, FrontMatter front, List<String> categories, String author) {
        StringBuilder out = new StringBuilder(post.length() + 64).append(post, 0, front.start());
        String[] lines = front.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (i == lines.length - 1 && line.isEmpty()) {
                break;
            }
            if (line.startsWith("categories:")) {
                out.append("categories: \n");
                for (String level : categories) {
                    out.append(" - ").append(YamlScalars.plainOrQuoted(level)).append('\n');
                }
                while (i + 1 < lines.length && isContinuation(lines[i + 1])) {
                    i++;
                }
            } else if (line.startsWith("author:")) {
                out.append("author: ").append(YamlScalars.plainOrQuoted(author)).append('\n');
                while (i + 1 < lines.length && lines[i + 1].startsWith(" ") && !lines[i + 1].isBlank()) {
                    i++;
                }
            } else {
                out.append(line).append('\n');
            }
        }
        return out.append(post, front.start() + front.text().length(), post.length()).toString();
    }

    /** A line that belongs to the key above it: a list item or an indented continuation. */
    private static boolean isContinuation(String line) {
        String stripped = line.stripLeading();
        return !line.isEmpty() && (line.charAt(0) == ' ' || stripped.startsWith("- ") || stripped.equals("-"));
    }
}
