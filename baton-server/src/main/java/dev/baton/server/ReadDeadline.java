package dev.baton.server;

import java.time.Duration;

/**
 * An alarm that interrupts the thread that started it once {@code deadline} has passed, unless closed first: a
 * blocking read of a request body then ends with an {@link java.io.InterruptedIOException}. Closing it disarms it and
 * clears an interrupt it may have delivered after the read ended, so the request thread goes on uninterrupted.
 */
final class ReadDeadline implements AutoCloseable {

    private final Thread reader;
    private final Thread alarm;
    private boolean armed = true;
    private boolean rang;

    private ReadDeadline(Thread reader, Duration deadline) {
        this.reader = reader;
        this.alarm = Thread.ofVirtual().name("baton-body-deadline").unstarted(() -> ring(deadline));
    }

    /** Starts an alarm for the calling thread. */
    static ReadDeadline start(Duration deadline) {
        ReadDeadline deadlineAlarm = new ReadDeadline(Thread.currentThread(), deadline);
        deadlineAlarm.alarm.start();
        return deadlineAlarm;
    }

    private void ring(Duration deadline) {
        try {
            Thread.sleep(deadline);
        } catch (InterruptedException disarmed) {
            return;
        }
        synchronized (this) {
            if (armed) {
                rang = true;
                reader.interrupt();
            }
        }
    }

    /** Returns whether the deadline passed while the alarm was armed. */
    synchronized boolean rang() {
        return rang;
    }

    @Override
    public void close() {
        boolean interrupted;
        synchronized (this) {
            armed = false;
            interrupted = rang;
        }
        alarm.interrupt();
        if (interrupted) {
            Thread.interrupted();
        }
    }
}
