package dev.baton.cli;

import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what {@code baton serve}, run on a thread of a test, printed as it started. */
final class ServeOutput {

    private static final Pattern LISTENING = Pattern.compile("serves on (http://\\S+/v1)");

    private ServeOutput() {
    }

    /** Waits until the server says where it listens and what it serves, and returns its base URL. */
    static String awaitListening(StringWriter out, Thread serving) throws InterruptedException {
        while (serving.isAlive()) {
            Matcher listening = LISTENING.matcher(out.toString());
            // The models line is printed just after the address: wait for both, or a busy machine fails a later check.
            if (listening.find() && out.toString().contains("\nmodels: ")) {
                return listening.group(1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("serve ended before listening: " + out);
    }
}
