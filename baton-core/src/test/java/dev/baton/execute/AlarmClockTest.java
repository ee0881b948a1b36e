package dev.baton.execute;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AlarmClockTest {

    private final AlarmClock clock = new AlarmClock("test-alarms");

    @Test
    void anAlarmRingsAtItsDeadlineAndACancelledOneNever() throws InterruptedException {
        CountDownLatch rung = new CountDownLatch(1);
        List<String> rang = new CopyOnWriteArrayList<>();
        AlarmClock.Alarm cancelled = clock.set(in(Duration.ofMillis(30)), () -> rang.add("cancelled"));
        long start = System.nanoTime();
        clock.set(in(Duration.ofMillis(60)), () -> {
            rang.add("kept");
            rung.countDown();
        });

        assertThat(cancelled.cancel()).isTrue();
        assertThat(rung.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
        assertThat(rang).containsExactly("kept");
        assertThat(clock.pending()).isZero();
    }

    @Test
    void anAlarmSetEarlierThanTheOneTheTimerWaitsForRingsOnTime() throws InterruptedException {
        CountDownLatch rung = new CountDownLatch(1);
        clock.set(in(Duration.ofHours(1)), () -> { });
        long start = System.nanoTime();
        clock.set(in(Duration.ofMillis(20)), rung::countDown);

        assertThat(rung.await(10, TimeUnit.SECONDS)).as("not left waiting an hour behind the first").isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
        assertThat(clock.pending()).isEqualTo(1);
    }

    @Test
    void alarmsSetLaterThanTheNextCheckStillRingAfterIt() throws InterruptedException {
        // The timer waits for the first; the second and third are set behind it without rescheduling, the first is
        // cancelled: each still rings, in deadline order.
        List<Integer> rang = new CopyOnWriteArrayList<>();
        CountDownLatch both = new CountDownLatch(2);
        AlarmClock.Alarm first = clock.set(in(Duration.ofMillis(20)), () -> rang.add(1));
        clock.set(in(Duration.ofMillis(80)), () -> {
            rang.add(3);
            both.countDown();
        });
        clock.set(in(Duration.ofMillis(50)), () -> {
            rang.add(2);
            both.countDown();
        });
        first.cancel();

        assertThat(both.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(rang).containsExactly(2, 3);
    }

    @Test
    void aRungAlarmCannotBeCancelled() throws InterruptedException {
        CountDownLatch rung = new CountDownLatch(1);
        AlarmClock.Alarm alarm = clock.set(in(Duration.ZERO), rung::countDown);

        assertThat(rung.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(alarm.cancel()).isFalse();
    }

    private static long in(Duration delay) {
        return System.nanoTime() + delay.toNanos();
    }
}
