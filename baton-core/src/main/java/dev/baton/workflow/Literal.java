package dev.baton.workflow;

import java.util.List;

/**
 * A value read from one of the three lists, before it is given a meaning: a list, a string, a number
 * or a bare word. Every literal remembers where it starts, so errors can point at it.
 */
sealed interface Literal {

    /** Returns where the literal starts in the whole text. */
    int offset();

    /** Describes the literal for an error message, e.g. {@code string "abc"}. */
    String describe();

    /**
     * A bracketed list.
     *
     * @param items  the elements in order
     * @param offset where its {@code [} is
     * @param end    the offset just past its {@code ]}
     */
    record ListLit(List<Literal> items, int offset, int end) implements Literal {
        public ListLit {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return items.isEmpty() ? "an empty list" : "a list of " + items.size();
        }
    }

    /**
     * A quoted string, unescaped: one string, or adjacent strings joined as Python joins them.
     *
     * @param pieces the strings joined, in order; a single piece when nothing was joined
     */
    record Str(String value, int offset, List<Piece> pieces) implements Literal {
        public Str {
            pieces = List.copyOf(pieces);
        }

        /** A string that is one piece. */
        Str(String value, int offset) {
            this(value, offset, List.of(new Piece(value, offset, -1)));
        }

        @Override
        public String describe() {
            return "string \"" + value + "\"";
        }
    }

    /**
     * One of the adjacent strings a {@link Str} joins.
     *
     * @param value  its unescaped content
     * @param offset where its opening quote is
     * @param end    the offset just past its closing quote, -1 when not tracked
     */
    record Piece(String value, int offset, int end) {
    }

    /** A number as written, not yet checked to be whole. */
    record Num(String text, int offset) implements Literal {
        @Override
        public String describe() {
            return "number " + text;
        }
    }

    /** A bare word such as {@code all} or {@code None}. */
    record Word(String text, int offset) implements Literal {
        @Override
        public String describe() {
            return "word " + text;
        }
    }
}
