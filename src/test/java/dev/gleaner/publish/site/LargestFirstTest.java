package dev.gleaner.publish.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Independent pieces of work run once each, and a failure reaches the caller as thrown. */
class LargestFirstTest {
    @Test
    void runsEveryTaskOnce() {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        List<Integer> numbers = new ArrayList<>();
        List<LargestFirst.Task> tasks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int number = i;
            tasks.add(new LargestFirst.Task(number % 7, () -> assertThat(done.add(number)).isTrue()));
            numbers.add(number);
        }

        LargestFirst.run(tasks);

        assertThat(done).containsExactlyInAnyOrderElementsOf(numbers);
    }

    @Test
    void throwsTheFailureOfATaskUnwrapped() {
        List<LargestFirst.Task> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int number = i;
            tasks.add(new LargestFirst.Task(number, () -> {
                if (number == 3) {
                    throw new IllegalArgumentException("task 3 failed");
                }
            }));
        }

        assertThatThrownBy(() -> LargestFirst.run(tasks))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("task 3 failed");
    }
}
