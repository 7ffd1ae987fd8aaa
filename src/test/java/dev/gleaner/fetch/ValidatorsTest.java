package dev.gleaner.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidatorsTest {
    @Test
    void aValidatorMissingFromANotModifiedAnswerIsKeptFromBefore() {
        Validators before = Validators.of("\"v1\"", "Sat, 21 May 2022 06:05:19 GMT");

        Validators after = Validators.of("\"v2\"", null).or(before);

        assertThat(after).isEqualTo(Validators.of("\"v2\"", "Sat, 21 May 2022 06:05:19 GMT"));
        assertThat(Validators.NONE.or(before)).isEqualTo(before);
    }

    @Test
    void blankHeadersCountAsAbsent() {
        assertThat(Validators.of(" ", "").isEmpty()).isTrue();
    }
}
