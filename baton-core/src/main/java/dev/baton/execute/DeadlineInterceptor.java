package dev.baton.execute;

import dev.baton.worker.FailureKind;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Gives each attempt at most the time left to the question. An attempt that does not answer in time is
 * abandoned (its thread interrupted) and fails as transient, so a hung worker costs the question its deadline,
 * never more.
 *
 * <p>On a virtual thread the attempt runs on the caller's own thread and an alarm interrupts it at the deadline: a
 * virtual thread's blocking socket I/O ends at an interrupt (the socket is closed), so no second thread is needed, and
 * each hand-off to one costs every call a wake-up (measured in the latency {@code serve} adds). A platform thread's
 * socket I/O ignores interrupts, so there the attempt runs on a thread of its own that the caller stops waiting for.
 */
final class DeadlineInterceptor implements Interceptor {

    /** One thread that rings every alarm; setting and silencing one wakes nobody (see {@link AlarmClock}). */
    private static final AlarmClock ALARMS = new AlarmClock("baton-deadlines");
    /** Beyond this an alarm is set at this: it never rings in a process's lifetime, and nanoTime arithmetic stays exact. */
    private static final Duration FAR_AWAY = Duration.ofDays(365);

    private final BudgetState budget;
    private final ExecutorService threads;

    DeadlineInterceptor(BudgetState budget, ExecutorService threads) {
        this.budget = budget;
        this.threads = threads;
    }

    @Override
    public CallResult intercept(Chain chain) {
        Duration left = budget.timeLeft();
        if (left.isZero()) {
            return failed("deadline passed before the call", FailureKind.TIMEOUT, true);
        }
        return Thread.currentThread().isVirtual() ? onThisThread(chain, left) : onItsOwnThread(chain, left);
    }

    private static CallResult onThisThread(Chain chain, Duration left) {
        Interrupt alarm = new Interrupt(Thread.currentThread());
        long deadline = System.nanoTime() + (left.compareTo(FAR_AWAY) > 0 ? FAR_AWAY : left).toNanos();
        AlarmClock.Alarm ringing = ALARMS.set(deadline, alarm::ring);
        CallResult result;
        try {
            result = chain.proceed(chain.request());
        } catch (Error e) {
            // The chain turns exceptions into results, so only an Error (a worker's stack overflow) gets here.
            alarm.silence();
            return failed(chain.worker().id() + " threw " + e, FailureKind.BUG, false);
        } finally {
            ringing.cancel();
        }
        return alarm.silence() ? result : failed("no reply before the question's deadline", FailureKind.TIMEOUT, true);
    }

    private CallResult onItsOwnThread(Chain chain, Duration left) {
        // The rest of the chain runs on its own thread so that this one can stop waiting at the deadline.
        Future<CallResult> attempt = threads.submit(() -> chain.proceed(chain.request()));
        try {
            return attempt.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return failed("no reply before the question's deadline", FailureKind.TIMEOUT, true);
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            return failed("interrupted", FailureKind.OTHER, true);
        } catch (ExecutionException e) {
            return failed(chain.worker().id() + " threw " + e.getCause(), FailureKind.BUG, false);
        }
    }

    private static CallResult failed(String error, FailureKind kind, boolean retriable) {
        return new CallResult.Failed(error, kind, retriable, 1, Optional.empty());
    }

    /**
     * Interrupts one attempt's thread at its deadline, unless the attempt ended first. The lock makes the two exclusive:
     * an interrupt never reaches the thread after the attempt has ended, where it would stop whatever the thread does next.
     */
    private static final class Interrupt {
        private final Thread attempt;
        private final ReentrantLock lock = new ReentrantLock();
        private boolean ended;
        private boolean rang;

        Interrupt(Thread attempt) {
            this.attempt = attempt;
        }

        void ring() {
            lock.lock();
            try {
                if (!ended) {
                    rang = true;
                    attempt.interrupt();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Ends the attempt; returns whether it ended in time. A late alarm's interrupt is cleared here, not left behind. */
        boolean silence() {
            lock.lock();
            try {
                ended = true;
                if (rang) {
                    Thread.interrupted();
                }
                return !rang;
            } finally {
                lock.unlock();
            }
        }
    }
}
