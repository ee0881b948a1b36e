package dev.baton.execute;

import java.util.Comparator;
import java.util.Iterator;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Rings alarms at their deadlines from one timer thread, which is woken only when an alarm falls due before the one it
 * already waits for. Why not a task a call on a {@link ScheduledThreadPoolExecutor}: at low traffic every call's task
 * was the earliest, so scheduling it woke the timer thread to wait anew, a wake-up on the path of every call (each
 * question's deadline is minutes away and almost never rings). Here an alarm set and silenced is an entry added to and
 * removed from a sorted set; the timer keeps waiting for the earliest deadline it was given and, when that comes,
 * rings what is due and waits for the earliest left.
 */
final class AlarmClock {

    private static final Comparator<Alarm> BY_DEADLINE = Comparator.comparingLong(Alarm::deadline)
            .thenComparingLong(Alarm::sequence);

    private final ScheduledThreadPoolExecutor timer;
    private final ConcurrentSkipListSet<Alarm> pending = new ConcurrentSkipListSet<>(BY_DEADLINE);
    private final AtomicLong sequence = new AtomicLong();
    /** Held to change when the timer next looks; setting an alarm behind that time takes no lock. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Whether the timer will look again, at {@link #checkAt} (a {@link System#nanoTime()}). */
    private volatile boolean scheduled;
    private volatile long checkAt;
    private ScheduledFuture<?> check;

    AlarmClock(String threadName) {
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Sets an alarm that runs {@code ring} at {@code deadline} (a {@link System#nanoTime()}) unless cancelled first. */
    Alarm set(long deadline, Runnable ring) {
        Alarm alarm = new Alarm(deadline, sequence.incrementAndGet(), ring, this);
        pending.add(alarm);
        // Added before the timer is read: a timer that stops looking (ringDue) reads the set after saying so, and
        // finds this alarm; a timer still looking at or before the deadline will find it then.
        if (!scheduled || deadline - checkAt < 0) {
            lock.lock();
            try {
                if (!scheduled || deadline - checkAt < 0) {
                    lookAt(deadline);
                }
            } finally {
                lock.unlock();
            }
        }
        return alarm;
    }

    /** Returns how many alarms are set and neither rung nor cancelled. */
    int pending() {
        return pending.size();
    }

    private void lookAt(long when) {
        if (check != null) {
            check.cancel(false);
        }
        checkAt = when;
        scheduled = true;
        check = timer.schedule(this::ringDue, Math.max(0, when - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void ringDue() {
        long now = System.nanoTime();
        for (Alarm first = firstOrNull(); first != null && first.deadline() - now <= 0; first = firstOrNull()) {
            if (pending.remove(first)) {
                first.ring().run();
            }
        }
        lock.lock();
        try {
            scheduled = false;
            check = null;
            Alarm next = firstOrNull();
            if (next != null) {
                lookAt(next.deadline());
            }
        } finally {
            lock.unlock();
        }
    }

    private Alarm firstOrNull() {
        Iterator<Alarm> alarms = pending.iterator(); // first() would throw if a cancel emptied the set meanwhile
        return alarms.hasNext() ? alarms.next() : null;
    }

    /** One alarm: {@link #cancel()} it when what it guards has ended. */
    record Alarm(long deadline, long sequence, Runnable ring, AlarmClock clock) {

        /** Removes the alarm; returns false when it had already rung (or been cancelled). */
        boolean cancel() {
            return clock.pending.remove(this);
        }
    }
}
