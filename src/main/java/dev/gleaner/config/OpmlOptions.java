package dev.gleaner.config;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Reads the feed options {@link OpmlWriter} writes on an outline in Gleaner's namespace
 * ({@code gleaner:interval="1h"}); a value not understood is a warning and keeps its default.
 */
final class OpmlOptions {
    private static final String PREFIX = "gleaner";

    private final Set<String> prefixes = new LinkedHashSet<>();

    /** The options of a document whose root is {@code opml}, under the prefixes it binds to the namespace. */
    OpmlOptions(Element opml) {
        for (Attribute attribute : opml.attributes()) {
            if (attribute.getKey().startsWith("xmlns:") && attribute.getValue().strip().equals(OpmlWriter.NAMESPACE)) {
                prefixes.add(attribute.getKey().substring("xmlns:".length()));
            }
        }
        if (prefixes.isEmpty()) {
            prefixes.add(PREFIX);
        }
    }

    /** The options on {@code outline}, each one not understood told to {@code warn}. */
    ImportedTree.Options of(Element outline, Consumer<String> warn) {
        OptionalInt limit = option(outline, "limit").flatMap(text -> {
            try {
                int value = Integer.parseInt(text.strip());
                if (value > 0) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // told below with the value that was given
            }
            warn.accept("gleaner:limit is not a whole number above 0: '" + text + "'; there is no limit");
            return Optional.<Integer>empty();
        }).map(OptionalInt::of).orElse(OptionalInt.empty());
        Optional<Duration> interval = option(outline, "interval").flatMap(text -> {
            Optional<Duration> duration = DurationText.parse(text).filter(value -> !value.isZero());
            if (duration.isEmpty()) {
                warn.accept("gleaner:interval is not a duration like 30m or 1h: '" + text + "'; it is the default");
            }
            return duration;
        });
        return new ImportedTree.Options(option(outline, "author"), limit, interval, flag(outline, "comments", warn),
                option(outline, "image"), flag(outline, "update", warn));
    }

    private boolean flag(Element outline, String name, Consumer<String> warn) {
        return option(outline, name).map(text -> switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> {
                warn.accept("gleaner:" + name + " is not true or false: '" + text + "'; it is false");
                yield false;
            }
        }).orElse(false);
    }

    private Optional<String> option(Element outline, String name) {
        for (String prefix : prefixes) {
            if (outline.attributes().hasKeyIgnoreCase(prefix + ":" + name)) {
                return Optional.of(outline.attributes().getIgnoreCase(prefix + ":" + name));
            }
        }
        return Optional.empty();
    }
}
