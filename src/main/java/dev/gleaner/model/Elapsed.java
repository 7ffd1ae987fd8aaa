package dev.gleaner.model;

import java.time.Duration;

/** Spans of time as the status table and the health page say them: 45s, 12m, 3h, 2d. */
public final class Elapsed {
    private Elapsed() {
    }

    /** A duration as a person says it: 45s, 12m, 3h, 2d. */
    public static String text(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        if (seconds < 90) {
            return seconds + "s";
        }
        if (seconds < 90 * 60) {
            return Math.round(seconds / 60.0) + "m";
        }
        if (seconds < 36 * 3600) {
            return Math.round(seconds / 3600.0) + "h";
        }
        return Math.round(seconds / 86400.0) + "d";
    }
}
