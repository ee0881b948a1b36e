package dev.baton.resilience;

import java.time.Duration;

/** Waits between attempts; a seam so that tests record waits instead of spending them. */
@FunctionalInterface
interface Sleeper {

    Sleeper THREAD = Thread::sleep;

    void sleep(Duration duration) throws InterruptedException;
}
