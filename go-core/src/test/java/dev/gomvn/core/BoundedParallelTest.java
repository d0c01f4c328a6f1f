package dev.gomvn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class BoundedParallelTest {
    /** Only a bound on a wait that a broken helper would make endless; no test measures time. */
    private static final long SAFETY_SECONDS = 30;

    @Test
    void resultsComeInTheOrderOfTheTasksNotOfTheirEnd() {
        CountDownLatch lastDone = new CountDownLatch(1);
        List<Supplier<String>> tasks = List.of(
                () -> {
                    await(lastDone);
                    return "first, ended last";
                },
                () -> "second",
                () -> {
                    lastDone.countDown();
                    return "third, ended first";
                });

        assertThat(BoundedParallel.run("testing", 3, tasks))
                .containsExactly("first, ended last", "second", "third, ended first");
    }

    @Test
    void neverMoreTasksAtOnceThanTheLimit() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        // Tasks meet in pairs: two must run at once, and a third may start only when a pair has met.
        CyclicBarrier pair = new CyclicBarrier(2);
        List<Supplier<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int index = i;
            tasks.add(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    pair.await(SAFETY_SECONDS, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("no second task ran beside this one", e);
                } finally {
                    running.decrementAndGet();
                }
                return index;
            });
        }

        assertThat(BoundedParallel.run("testing", 2, tasks)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(most).hasValue(2);
    }

    @Test
    void theFirstFailureIsThrownAsTheTaskThrewItAndTheOtherTasksAreCancelled() throws InterruptedException {
        VerificationException failure = new VerificationException("the archive is mislabelled");
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch blockingStarted = new CountDownLatch(1);
        CountDownLatch blockingEnded = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        List<Supplier<String>> tasks = List.of(
                () -> {
                    blockingStarted.countDown();
                    try {
                        never.await(SAFETY_SECONDS, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    } finally {
                        blockingEnded.countDown();
                    }
                    return "blocked";
                },
                () -> {
                    await(blockingStarted);
                    throw failure;
                });

        assertThatThrownBy(() -> BoundedParallel.run("testing", 2, tasks)).isSameAs(failure);
        assertThat(blockingEnded.await(SAFETY_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).as("the task still running was interrupted").isTrue();
    }

    @Test
    void anyRuntimeExceptionOfATaskIsThrownUnwrapped() {
        IllegalStateException failure = new IllegalStateException("broken");
        List<Supplier<String>> tasks = List.of(() -> "fine", () -> {
            throw failure;
        });

        assertThatThrownBy(() -> BoundedParallel.run("testing", 1, tasks)).isSameAs(failure);
    }

    @Test
    void anInterruptedCallerGetsItsInterruptBackAndAMessageSayingWhatWasInterrupted() {
        CountDownLatch never = new CountDownLatch(1);
        List<Supplier<String>> tasks = List.of(() -> {
            await(never);
            return "never";
        });
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> BoundedParallel.run("writing the image layers", 1, tasks))
                    .isInstanceOf(EnvironmentException.class)
                    .hasMessage("Interrupted while writing the image layers.");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
            never.countDown();
        }
    }

    @Test
    void noTasksNoResults() {
        assertThat(BoundedParallel.run("testing", 4, List.<Supplier<String>>of()))
                .isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(SAFETY_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the task waited for was never run beside this one");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
