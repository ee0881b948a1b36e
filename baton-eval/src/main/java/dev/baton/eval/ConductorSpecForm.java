package dev.baton.eval;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One form a {@code --conductor} spec may take, with what it means: the single list that help texts and the
 * "unknown conductor" message are made from.
 *
 * @param kind    the part before the colon ({@code vote}), or the whole spec when it takes no argument
 * @param form    how it is written, placeholders in angle brackets ({@code vote:top<k>})
 * @param meaning what it evaluates, in a few words
 */
public record ConductorSpecForm(String kind, String form, String meaning) {

    public ConductorSpecForm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(meaning, "meaning");
    }

    /** The kind another module adds through {@code ConductorSpecs}'s extensions ({@code baton-wiring}'s LearnedSpecs). */
    public static final String LEARNED = "learned";

    /** Every form, built-in ones first; an extension's form counts only where that extension is registered. */
    public static final List<ConductorSpecForm> ALL = List.of(
            new ConductorSpecForm("best-solo", "best-solo", "the worker most accurate alone on the train split"),
            new ConductorSpecForm("solo", "solo:<worker>", "one worker alone"),
            new ConductorSpecForm("solo", "solo:all", "one row per worker of the pool (eval only)"),
            new ConductorSpecForm("random", "random", "a worker drawn at random per question"),
            new ConductorSpecForm("vote", "vote:<w1,w2,...>", "independent answers of these workers; the plurality wins"),
            new ConductorSpecForm("vote", "vote:top<k>", "the same with the k best on train"),
            new ConductorSpecForm("moa", "moa:top<k>", "Mixture-of-Agents: the k best answer, the best on train aggregates"),
            new ConductorSpecForm("cascade", "cascade:<w1,w2,...>",
                    "FrugalGPT-style: the first two answer, then one more at a time until two agree (cheap workers first)"),
            new ConductorSpecForm("best-cascade", "best-cascade", "the most accurate cascade of 2-3 workers on the train split"),
            new ConductorSpecForm("oracle", "oracle", "a worker that got it right, if any: the ceiling of routing (recorded pools only)"),
            new ConductorSpecForm(LEARNED, "learned:<FILE>", "the learned conductor of a checkpoint file written by baton train"),
            new ConductorSpecForm("lm", "lm:<worker>", "that worker, prompted as the paper's conductor, writes the workflows"));

    private static final Set<String> EXTENSION_KINDS = Set.of(LEARNED);

    /** Returns the forms understood with these extension kinds registered. */
    public static List<ConductorSpecForm> understood(Set<String> extensionKinds) {
        return ALL.stream().filter(form -> !EXTENSION_KINDS.contains(form.kind()) || extensionKinds.contains(form.kind())).toList();
    }

    /** Returns the message for a spec none of the forms matches, listing the forms understood. */
    static String unknown(String spec, Set<String> extensionKinds) {
        return "unknown conductor '" + spec + "': use one of "
                + String.join(", ", understood(extensionKinds).stream().map(ConductorSpecForm::form).toList());
    }
}
