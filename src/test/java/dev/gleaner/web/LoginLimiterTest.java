package dev.gleaner.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LoginLimiterTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-07T00:00:00Z"));
    private final LoginLimiter limiter = new LoginLimiter(now::get);

    @Test
    void anAddressThatKeepsFailingIsHeldBackUntilItsWindowEnds() {
        for (int i = 1; i < LoginLimiter.MOST_FAILURES; i++) {
            limiter.failed("192.0.2.1");
        }
        assertThat(limiter.heldBack("192.0.2.1")).isEmpty();

        limiter.failed("192.0.2.1");
        assertThat(limiter.heldBack("192.0.2.1")).contains(LoginLimiter.WINDOW);
        assertThat(limiter.heldBack("192.0.2.2")).as("another address").isEmpty();

        now.set(now.get().plus(LoginLimiter.WINDOW).minusSeconds(1));
        assertThat(limiter.heldBack("192.0.2.1")).contains(Duration.ofSeconds(1));
        now.set(now.get().plusSeconds(1));
        assertThat(limiter.heldBack("192.0.2.1")).isEmpty();
        limiter.failed("192.0.2.1");
        assertThat(limiter.heldBack("192.0.2.1")).as("a new window counts from one").isEmpty();
    }

    @Test
    void aSuccessForgetsTheFailures() {
        for (int i = 1; i < LoginLimiter.MOST_FAILURES; i++) {
            limiter.failed("192.0.2.1");
        }
        limiter.succeeded("192.0.2.1");
        limiter.failed("192.0.2.1");

        assertThat(limiter.heldBack("192.0.2.1")).isEmpty();
    }
}
