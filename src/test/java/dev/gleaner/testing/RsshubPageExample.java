package dev.gleaner.testing;

import dev.gleaner.config.Config;
import dev.gleaner.config.ConfigException;
import dev.gleaner.config.ConfigLoader;
import dev.gleaner.config.Subscription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code examples/rsshub-page.yml} says, read both as configuration and as text: its leaves,
 * the original route each moved leaf names on its line ({@code # was rsshub://OLD}), and the leaves
 * it lists at the end as removed ({@code #   PATH: rsshub://OLD — why}).
 *
 * @param config the file as Gleaner loads it
 * @param leaves each leaf's route (after {@code rsshub://}) by its path, as Gleaner writes it
 * @param moved the route a leaf's {@code # was} comment names, by the leaf's route
 * @param movedLines how many lines of configuration (not whole-line comments) have a {@code # was}
 * @param removed each removed leaf by its old route
 * @param header the opening comment, joined into one line
 */
public record RsshubPageExample(Config config, Map<String, String> leaves, Map<String, String> moved, int movedLines,
        Map<String, Removal> removed, String header) {
    /** The example, relative to the project folder where the tests run. */
    public static final Path FILE = Path.of("examples/rsshub-page.yml");

    private static final Pattern MOVED = Pattern.compile(": rsshub://(\\S+)  # was rsshub://(\\S+)$");
    private static final Pattern REMOVED = Pattern.compile("^#   (\\S.*): rsshub://(\\S+) — (\\S.*)$");

    public RsshubPageExample {
        leaves = Map.copyOf(leaves);
        moved = Map.copyOf(moved);
        removed = Map.copyOf(removed);
    }

    /**
     * A leaf of the original that was left out.
     *
     * @param path its path, as Gleaner writes it
     * @param why why nothing replaces it
     */
    public record Removal(String path, String why) {
    }

    /** Reads the example; a removed-leaf line not of the form {@code #   PATH: rsshub://ROUTE — why} fails. */
    public static RsshubPageExample read() {
        return read(FILE);
    }

    /** Reads {@code file} as the example. */
    public static RsshubPageExample read(Path file) {
        Config config;
        try {
            config = new ConfigLoader().load(file);
        } catch (ConfigException e) {
            throw new AssertionError(file + " is no configuration: " + e.getMessage(), e);
        }
        Map<String, String> leaves = new LinkedHashMap<>();
        for (Subscription subscription : config.subscriptions()) {
            leaves.put(subscription.id(), subscription.url().text().replaceFirst("^rsshub://", ""));
        }
        Map<String, String> moved = new LinkedHashMap<>();
        Map<String, Removal> removed = new LinkedHashMap<>();
        StringBuilder header = new StringBuilder();
        int movedLines = 0;
        boolean opening = true;
        boolean inRemoved = false;
        for (String line : lines(file)) {
            opening = opening && line.startsWith("#");
            if (opening) {
                header.append(line.substring(1).strip()).append(' ');
            }
            movedLines += !line.startsWith("#") && line.contains("# was") ? 1 : 0;
            Matcher was = MOVED.matcher(line);
            if (was.find()) {
                moved.put(was.group(1), was.group(2));
            }
            inRemoved = inRemoved || line.startsWith("# Removed:");
            if (inRemoved && line.startsWith("#   ")) {
                Matcher entry = REMOVED.matcher(line);
                if (!entry.matches()) {
                    throw new AssertionError("a removed leaf is not PATH: rsshub://ROUTE — why: " + line);
                }
                if (removed.put(entry.group(2), new Removal(entry.group(1), entry.group(3))) != null) {
                    throw new AssertionError("a route is listed as removed twice: " + line);
                }
            }
        }
        return new RsshubPageExample(config, leaves, moved, movedLines, removed, header.toString().strip());
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
