package dev.gleaner.testing;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of a test run, why tests were skipped, one line per reason with how many it
 * skipped: Surefire counts skips but shows no reason, and a test skipped for a missing Chromium or
 * shared folder should say so where the run is read.
 */
public final class SkipReport implements TestExecutionListener {
    private final Map<String, AtomicInteger> reasons = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        count(test, reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        // An assumption that fails aborts its test, or in @BeforeAll its whole class.
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            count(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (reasons.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder("Skipped, by reason:\n");
        reasons.forEach((reason, count) -> report.append(String.format("  %5d  %s%n", count.get(), reason)));
        System.out.print(report);
        System.out.flush();
    }

    private synchronized void count(TestIdentifier test, String reason) {
        String text = reason == null || reason.isBlank() ? "no reason given" : reason.strip();
        // Assumptions name themselves; the report says "skipped" once, in its heading.
        text = text.replaceFirst("^Assumption failed: ", "").replaceFirst("^skipped: ", "");
        reasons.computeIfAbsent(text.lines().findFirst().orElse(text), key -> new AtomicInteger()).incrementAndGet();
    }
}
