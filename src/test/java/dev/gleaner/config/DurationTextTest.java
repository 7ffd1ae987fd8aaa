package dev.gleaner.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationTextTest {
    @ParameterizedTest
    @CsvSource({"PT30M, 30m", "PT1H30M, 1h30m", "PT90S, 1m30s", "PT0.25S, 250ms", "P1DT2H, 1d2h", "P400D, 400d",
            "PT0S, 0s", "PT1H0.001S, 1h1ms"})
    void writesTheLargestUnitsFirstAndReadsBackTheSame(Duration duration, String text) {
        assertThat(DurationText.format(duration)).isEqualTo(text);
        assertThat(DurationText.parse(text)).contains(duration);
    }

    @Test
    void refusesWhatTheConfigurationCannotSay() {
        assertThatThrownBy(() -> DurationText.format(Duration.ofNanos(1500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DurationText.format(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
