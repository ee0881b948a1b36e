package dev.baton.eval.report;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing a run found out, written for a reader: a topic, the finding in sentences and, where many figures stand
 * behind it (every candidate a choice weighed, every seed), a table of them that the page folds away so the sentence
 * stays short.
 *
 * @param topic a few words naming it, lower case ({@code "default on test"}); the page capitalises it
 * @param text  the finding in whole sentences
 * @param table the figures behind it; {@link Table#NONE} when the sentence says everything
 */
public record Finding(String topic, String text, Table table) {

    public Finding {
        Checks.notBlank("topic", topic);
        Checks.notBlank("text", text);
        Objects.requireNonNull(table, "table");
    }

    /** Returns a finding without a table. */
    public static Finding of(String topic, String text) {
        return new Finding(topic, text, Table.NONE);
    }

    /** Returns the topic with its first letter in upper case, as a heading in a sentence starts. */
    public String heading() {
        return Character.toUpperCase(topic.charAt(0)) + topic.substring(1);
    }

    /**
     * Returns the finding as one line for a terminal, the table's rows appended: {@code topic: text (columns: row;
     * row)}.
     */
    public String line() {
        if (table.rows().isEmpty()) {
            return topic + ": " + text;
        }
        return topic + ": " + text + " " + table.caption() + " (" + String.join(" / ", table.columns()) + "): "
                + table.rows().stream().map(row -> String.join(" / ", row)).collect(Collectors.joining("; "));
    }

    /**
     * Figures behind a finding, one row per thing weighed.
     *
     * @param caption what the rows are ({@code "The candidates on validation"})
     * @param columns the column heads; the first names the row, the rest are figures
     * @param rows    one cell per column each
     */
    public record Table(String caption, List<String> columns, List<List<String>> rows) {

        /** No table. */
        public static final Table NONE = new Table("", List.of(), List.of());

        public Table {
            Objects.requireNonNull(caption, "caption");
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row of '" + caption + "' has " + row.size() + " cells for "
                            + columns.size() + " columns");
                }
            }
            if (!rows.isEmpty()) {
                Checks.notBlank("caption", caption);
            }
        }
    }
}
