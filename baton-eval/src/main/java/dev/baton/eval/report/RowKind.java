package dev.baton.eval.report;

import java.util.Locale;

/** Sorts a table row by the kind of conductor its name shows, which decides how it is drawn. */
enum RowKind {
    LEARNED, BEST_SOLO, VOTE, MOA, CASCADE, RANDOM, ORACLE, SOLO, OTHER;

    /** Returns the kind of the conductor spec or name, for example {@code vote:top3} is a vote. */
    static RowKind of(String conductor) {
        String name = conductor.strip();
        if (name.startsWith("learned")) {
            return LEARNED;
        }
        if (name.startsWith("best-solo")) {
            return BEST_SOLO;
        }
        if (name.startsWith("vote")) {
            return VOTE;
        }
        if (name.startsWith("moa")) {
            return MOA;
        }
        if (name.startsWith("cascade") || name.startsWith("best-cascade")) {
            return CASCADE;
        }
        if (name.startsWith("random")) {
            return RANDOM;
        }
        if (name.startsWith("oracle")) {
            return ORACLE;
        }
        return name.startsWith("solo") ? SOLO : OTHER;
    }

    /** Returns the CSS class of this kind's table rows. */
    String cssClass() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
