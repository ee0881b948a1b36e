package dev.baton.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which slips of real model output the parser may repair, and the repairs it made.
 *
 * <p>Each repair is local and checked: typographic quotes are read as quotes only where they open a string and
 * close it before a delimiter; a comma is inserted only between two complete strings of {@code subtasks}, and only
 * when that makes the three lists the same length; a bracket is closed only when the text ends inside the last
 * list's outermost level. Anything else stays an error. {@link #strict()} repairs nothing.
 */
final class Repairs {

    /** What kind of slip a repair fixed. */
    enum Kind { TYPOGRAPHIC_QUOTES, MISSING_COMMA, UNCLOSED_BRACKET }

    /** One repair: its kind and the offset it applies at. */
    record Made(Kind kind, int offset) {
    }

    private static final Repairs STRICT = new Repairs(false, false);

    private final boolean forgiving;
    private final boolean closeAtEnd;
    private final List<Made> made = new ArrayList<>();

    private Repairs(boolean forgiving, boolean closeAtEnd) {
        this.forgiving = forgiving;
        this.closeAtEnd = closeAtEnd;
    }

    /** Returns settings that repair nothing: the parser reads exactly what {@link WorkflowText#parse} documents. */
    static Repairs strict() {
        return STRICT;
    }

    /**
     * Returns settings that repair every slip they can.
     *
     * @param closeAtEnd whether a list the text ends inside may be closed
     */
    static Repairs forgiving(boolean closeAtEnd) {
        return new Repairs(true, closeAtEnd);
    }

    /** Returns the same settings with no repairs made yet: one list's attempt, kept only if the list is read. */
    Repairs fresh() {
        return forgiving ? new Repairs(true, closeAtEnd) : STRICT;
    }

    boolean forgiving() {
        return forgiving;
    }

    boolean closeAtEnd() {
        return closeAtEnd;
    }

    /** Records a repair; strict settings never make one. */
    void note(Kind kind, int offset) {
        if (!forgiving) {
            throw new IllegalStateException("strict parsing repairs nothing");
        }
        made.add(new Made(kind, offset));
    }

    /** Adds the repairs of a list that was read. */
    void addAll(Repairs other) {
        if (other != this) {
            made.addAll(other.made);
        }
    }

    List<Made> made() {
        return List.copyOf(made);
    }

    /** Returns whether a repair of this kind was made. */
    boolean made(Kind kind) {
        return made.stream().anyMatch(m -> m.kind() == kind);
    }

    /**
     * Describes the repairs for people, in the order of the text: typographic quotes as one line, each inserted
     * comma and the closed bracket on their own, each located as {@code line:column}.
     */
    List<String> describe(String text) {
        List<Made> sorted = made.stream().sorted(Comparator.comparingInt(Made::offset)).toList();
        List<String> lines = new ArrayList<>();
        List<Made> quotes = sorted.stream().filter(m -> m.kind() == Kind.TYPOGRAPHIC_QUOTES).toList();
        if (!quotes.isEmpty()) {
            String first = TextPosition.of(text, quotes.getFirst().offset()).toString();
            lines.add(quotes.size() == 1
                    ? "replaced typographic quotes with plain ones at " + first
                    : "replaced typographic quotes with plain ones (" + quotes.size() + " strings, first at " + first + ")");
        }
        for (Made m : sorted) {
            switch (m.kind()) {
                case MISSING_COMMA -> lines.add("inserted a missing comma at " + TextPosition.of(text, m.offset()));
                case UNCLOSED_BRACKET -> lines.add("closed an unclosed bracket at the end (" + TextPosition.of(text, m.offset()) + ")");
                case TYPOGRAPHIC_QUOTES -> { }
            }
        }
        return List.copyOf(lines);
    }
}
