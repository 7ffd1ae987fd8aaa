package dev.gleaner.fetch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One rule of RSSHub Radar: the page paths it fits ({@code source}) and the route it makes of their
 * parameters ({@code target}), read the way the Radar browser extension reads them.
 *
 * <p>A source is a path pattern: {@code :name} takes one segment, {@code *} or {@code *name} the
 * rest of the path. A rule fits a path that its source takes whole, and also one that stops before
 * the source's trailing parameters, since rule authors rarely mark optional ones: {@code
 * /people/:id/answers} fits {@code /people/x/answers}, and {@code /:type/:id} fits {@code /hot} with
 * {@code type=hot}. The target is a route whose {@code :name} (optionally {@code :name{regex}},
 * optionally ending in {@code ?}) take the parameters: a missing optional one ends the route there,
 * a missing required one leaves the rule without a route.
 */
final class RadarRule {
    private static final Pattern OPTIONAL_MARK = Pattern.compile("(/:\\w+)\\?(?=/|$)");
    private static final Pattern TRAILING_PARAMETER = Pattern.compile("/:\\w+$");
    private static final Pattern NAMED_SEGMENT = Pattern.compile(":(\\w+)(.*)");
    private static final Pattern TARGET_PARAMETER = Pattern.compile("/:(\\w+)(\\{[^}]*\\})?(\\?)?(?=/|$)");

    private final String title;
    private final String docs;
    private final List<Source> sources;
    private final String target;

    private RadarRule(String title, String docs, List<Source> sources, String target) {
        this.title = title;
        this.docs = docs;
        this.sources = sources;
        this.target = target;
    }

    /** A rule with these source patterns and target route. */
    static RadarRule of(String title, String docs, List<String> sourcePatterns, String target) {
        Set<String> variants = new LinkedHashSet<>();
        for (String pattern : sourcePatterns) {
            String source = OPTIONAL_MARK.matcher(pattern.strip()).replaceAll("$1");
            variants.add(source);
            Matcher tail = TRAILING_PARAMETER.matcher(source);
            while (tail.find()) {
                source = source.substring(0, tail.start());
                variants.add(source);
                tail = TRAILING_PARAMETER.matcher(source);
            }
        }
        return new RadarRule(title, docs, variants.stream().map(Source::of).toList(), target.strip());
    }

    String title() {
        return title;
    }

    String docs() {
        return docs;
    }

    /**
     * The parameters of the first source that takes {@code path}, a path as {@link #pathOf} makes it;
     * empty when none does.
     */
    Optional<Map<String, String>> parametersOf(String path) {
        for (Source source : sources) {
            Optional<Map<String, String>> parameters = source.match(path);
            if (parameters.isPresent()) {
                return parameters;
            }
        }
        return Optional.empty();
    }

    /** The route the target makes of {@code parameters}, with its leading slash; empty when one it needs is missing. */
    Optional<String> routeFor(Map<String, String> parameters) {
        Matcher token = TARGET_PARAMETER.matcher(target);
        StringBuilder route = new StringBuilder();
        int last = 0;
        while (token.find()) {
            route.append(target, last, token.start());
            last = token.end();
            String value = parameters.get(token.group(1));
            if (value != null && !value.isEmpty()) {
                route.append('/').append(value);
            } else if (token.group(3) != null) {
                // Without this optional parameter, the ones after it would take its place.
                return Optional.of(route.toString());
            } else {
                return Optional.empty();
            }
        }
        route.append(target, last, target.length());
        return route.isEmpty() || route.charAt(0) != '/' ? Optional.empty() : Optional.of(route.toString());
    }

    /**
     * A page's path as rules are matched against it: its segments percent-decoded, without empty
     * segments, {@code /} for the root. What decoding would turn into a path's syntax ({@code %2F},
     * {@code %3F}, {@code %25}, a space) stays encoded, so that a parameter keeps its meaning in a route.
     */
    static String pathOf(String rawPath) {
        StringBuilder path = new StringBuilder();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                path.append('/').append(reencoded(decoded(segment)));
            }
        }
        return path.isEmpty() ? "/" : path.toString();
    }

    private static String decoded(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            int high = i + 2 < segment.length() ? Character.digit(segment.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(segment.charAt(i + 2), 16) : -1;
            if (c == '%' && low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String reencoded(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '/' || c == '?' || c == '#' || c <= ' ' || c == 0x7F) {
                out.append('%').append(String.format("%02X", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One source pattern, as an expression over a path and the names of its parameters in order. */
    private record Source(Pattern expression, List<String> names) {
        static Source of(String pattern) {
            StringBuilder regex = new StringBuilder();
            List<String> names = new ArrayList<>();
            for (String segment : pattern.split("/")) {
                if (segment.isEmpty()) {
                    continue;
                }
                regex.append('/');
                Matcher named = NAMED_SEGMENT.matcher(segment);
                if (segment.startsWith("*")) {
                    regex.append("(.+)");
                    names.add(segment.substring(1));
                } else if (named.matches() && named.group(2).equals("*")) {
                    regex.append("(.+)");
                    names.add(named.group(1));
                } else if (named.matches()) {
                    // What follows the name is text of the segment: :id.htm takes 12.htm as id=12.
                    regex.append("([^/]+)").append(literal(named.group(2)));
                    names.add(named.group(1));
                } else {
                    regex.append(literal(segment));
                }
            }
            return new Source(Pattern.compile(regex.isEmpty() ? "/" : regex.toString()), List.copyOf(names));
        }

        /** Text of a segment, where a {@code *} stands for any run of characters within it. */
        private static String literal(String text) {
            StringBuilder regex = new StringBuilder();
            int start = 0;
            for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', start)) {
                regex.append(quoted(text.substring(start, star))).append("[^/]*");
                start = star + 1;
            }
            return regex.append(quoted(text.substring(start))).toString();
        }

        private static String quoted(String text) {
            return text.isEmpty() ? "" : Pattern.quote(text);
        }

        Optional<Map<String, String>> match(String path) {
            Matcher matcher = expression.matcher(path);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                if (!names.get(i).isEmpty()) {
                    parameters.putIfAbsent(names.get(i), matcher.group(i + 1));
                }
            }
            return Optional.of(parameters);
        }
    }
}
