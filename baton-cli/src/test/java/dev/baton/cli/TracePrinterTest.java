package dev.baton.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.client.Answer;
import dev.baton.execute.CallRecord;
import dev.baton.execute.CallResult;
import dev.baton.execute.Trace;
import dev.baton.worker.ChatMessage;
import dev.baton.worker.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TracePrinterTest {

    private static String printed(Reply... replies) {
        List<CallRecord> calls = new java.util.ArrayList<>();
        for (int i = 0; i < replies.length; i++) {
            calls.add(new CallRecord(0, i, "w" + i, "Solve it.", List.of(ChatMessage.user("What is 6 * 7?")), Duration.ZERO,
                    new CallResult.Answered(replies[i], 1)));
        }
        StringWriter out = new StringWriter();
        TracePrinter.print(new Answer("What is 6 * 7?", Optional.of("42"), "best-solo", new Trace(calls), Duration.ZERO),
                new PrintWriter(out, true), TracePrinter.DEFAULT_WIDTH);
        return out.toString();
    }

    @Test
    void tokensTheProviderDidNotReportAreMarkedEstimated() {
        String out = printed(new Reply("42", 12, 34, 0.001, Duration.ofMillis(5)),
                new Reply("42", 4, 1, 0.0001, Duration.ofMillis(5), true));

        assertThat(out).contains(" 12/34 ", " ~4/1 ").contains("~ tokens and cost estimated from characters");
        assertThat(out.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }

    @Test
    void reportedTokensCarryNoMarkOrNote() {
        String out = printed(new Reply("42", 12, 34, 0.001, Duration.ofMillis(5)));

        assertThat(out).contains(" 12/34 ").doesNotContain("~");
    }
}
