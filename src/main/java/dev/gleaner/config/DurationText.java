package dev.gleaner.config;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the short durations of the configuration: {@code 250ms}, {@code 90s}, {@code 30m}, {@code 1h30m}, {@code 1d}. */
public final class DurationText {
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|[smhd]))+");
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|[smhd])");

    private DurationText() {
    }

    /** The duration {@code text} stands for, or empty when it is not one. */
    public static Optional<Duration> parse(String text) {
        String compact = text.strip().toLowerCase(java.util.Locale.ROOT);
        if (!WHOLE.matcher(compact).matches()) {
            return Optional.empty();
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(compact);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                });
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.of(total);
    }
}
