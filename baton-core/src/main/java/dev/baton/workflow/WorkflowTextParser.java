package dev.baton.workflow;

import dev.baton.pool.PoolView;
import dev.baton.workflow.Literal.ListLit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Gives the three lists found in a reply their meaning: worker numbers, subtasks and access lists.
 * {@link ListFinder} and {@link LiteralParser} read the syntax; this class checks the content.
 */
final class WorkflowTextParser {

    static final String MODEL_ID = "model_id";
    static final String SUBTASKS = "subtasks";
    static final String ACCESS_LIST = "access_list";

    private static final List<String> NAMES = List.of(MODEL_ID, SUBTASKS, ACCESS_LIST);

    private final PoolView view;
    private final Repairs repairs;

    private WorkflowTextParser(PoolView view, Repairs repairs) {
        this.view = view;
        this.repairs = repairs;
    }

    /** Parses the reply; see {@link WorkflowText#parse}. */
    static Optional<Workflow> parse(String text, PoolView view) {
        return parse(text, view, Repairs.strict());
    }

    /** Parses the reply, making the repairs {@code repairs} allow and noting them there. */
    static Optional<Workflow> parse(String text, PoolView view, Repairs repairs) {
        Map<String, ListLit> lists = ListFinder.findLast(text, NAMES, repairs);
        for (String name : NAMES) {
            if (!lists.containsKey(name)) {
                throw new WorkflowParseException("no " + name + " list found: expected a line such as "
                        + name + " = [...]");
            }
        }
        return new WorkflowTextParser(view, repairs).read(lists.get(MODEL_ID), lists.get(SUBTASKS), lists.get(ACCESS_LIST));
    }

    private Optional<Workflow> read(ListLit models, ListLit subtasksAsWritten, ListLit access) {
        int size = models.items().size();
        if (size == 0 && subtasksAsWritten.items().isEmpty() && access.items().isEmpty()) {
            return Optional.empty();
        }
        ListLit subtasks = subtasksAsWritten;
        List<Literal.Piece> joins = joins(subtasks);
        if (repairs.forgiving() && !joins.isEmpty() && access.items().size() == size
                && subtasks.items().size() + joins.size() == size) {
            // Only when every join is a missing comma do the lists agree: then that is the one reading that fits.
            subtasks = split(subtasks);
            joins.forEach(piece -> repairs.note(Repairs.Kind.MISSING_COMMA, piece.end()));
        }
        if (subtasks.items().size() != size || access.items().size() != size) {
            ListLit odd = subtasks.items().size() != size ? subtasks : access;
            String hint = joins.isEmpty() ? "" : "; subtasks has " + joins.size() + " place(s) where two strings"
                    + " stand side by side, which Python joins into one (a missing comma?), first after character "
                    + joins.getFirst().end();
            throw new WorkflowParseException("the lists differ in length: model_id has " + size
                    + ", subtasks has " + subtasks.items().size()
                    + ", access_list has " + access.items().size() + " entries" + hint, odd.offset());
        }
        if (size > Workflow.MAX_STEPS) {
            throw new WorkflowParseException("model_id: the workflow has " + size + " steps, but at most "
                    + Workflow.MAX_STEPS + " are allowed", models.offset());
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            steps.add(new Step(
                    workerAt(models.items().get(i), i),
                    subtaskAt(subtasks.items().get(i), i),
                    accessAt(access.items().get(i), i)));
        }
        return Optional.of(new Workflow(steps));
    }

    /** Returns the pieces of {@code list}'s joined strings that could end before a missing comma: all but each last. */
    private static List<Literal.Piece> joins(ListLit list) {
        List<Literal.Piece> joins = new ArrayList<>();
        for (Literal item : list.items()) {
            if (item instanceof Literal.Str str) {
                joins.addAll(str.pieces().subList(0, str.pieces().size() - 1));
            }
        }
        return joins;
    }

    /** Returns {@code list} with each joined string split back into the strings it joins. */
    private static ListLit split(ListLit list) {
        List<Literal> items = new ArrayList<>();
        for (Literal item : list.items()) {
            if (item instanceof Literal.Str str && str.pieces().size() > 1) {
                str.pieces().forEach(piece -> items.add(new Literal.Str(piece.value(), piece.offset())));
            } else {
                items.add(item);
            }
        }
        return new ListLit(items, list.offset(), list.end());
    }

    private String workerAt(Literal literal, int step) {
        String where = MODEL_ID + "[" + step + "]";
        String written = switch (literal) {
            case Literal.Num num -> num.text();
            case Literal.Str str -> str.value().strip();
            default -> throw new WorkflowParseException(
                    where + ": expected a model number but found " + literal.describe(), literal.offset());
        };
        // Models sometimes name the worker instead of numbering it; an exact id is unambiguous.
        if (literal instanceof Literal.Str && view.contains(written)) {
            return written;
        }
        String number = written.regionMatches(true, 0, "model", 0, 5) ? written.substring(5).strip() : written;
        int index = wholeNumber(number, where, literal);
        if (index < 0 || index >= view.size()) {
            throw new WorkflowParseException(where + ": model " + number + " does not exist; this pool has models 0.."
                    + (view.size() - 1), literal.offset());
        }
        return view.workerId(index);
    }

    private static String subtaskAt(Literal literal, int step) {
        String where = SUBTASKS + "[" + step + "]";
        if (!(literal instanceof Literal.Str str)) {
            throw new WorkflowParseException(
                    where + ": expected a quoted subtask but found " + literal.describe(), literal.offset());
        }
        if (str.value().isBlank()) {
            throw new WorkflowParseException(where + ": the subtask is empty", literal.offset());
        }
        return str.value();
    }

    private static Access accessAt(Literal literal, int step) {
        String where = ACCESS_LIST + "[" + step + "]";
        // "all" may stand alone or inside a list; models write both.
        if (isWord(literal, "all")) {
            return Access.ALL;
        }
        if (isWord(literal, "none")) {
            return Access.NONE;
        }
        if (!(literal instanceof ListLit list)) {
            throw new WorkflowParseException(where + ": expected [], [\"all\"] or a list of earlier step indices"
                    + " but found " + literal.describe(), literal.offset());
        }
        if (list.items().size() == 1 && isWord(list.items().getFirst(), "all")) {
            return Access.ALL;
        }
        List<Integer> indices = new ArrayList<>();
        for (int k = 0; k < list.items().size(); k++) {
            Literal item = list.items().get(k);
            String itemWhere = where + "[" + k + "]";
            String written = switch (item) {
                case Literal.Num num -> num.text();
                case Literal.Str str -> str.value().strip();
                default -> null;
            };
            if (written == null || isWord(item, "all")) {
                throw new WorkflowParseException(itemWhere + ": expected an earlier step index but found "
                        + item.describe() + " (\"all\" must stand alone, as [\"all\"])", item.offset());
            }
            int index = wholeNumber(written, itemWhere, item);
            if (index < 0 || index >= step) {
                String earlier = step == 0 ? "step 0 has no earlier steps" : "step " + step
                        + " may only see earlier steps 0.." + (step - 1);
                throw new WorkflowParseException(
                        itemWhere + ": " + earlier + ", but the list names step " + written, item.offset());
            }
            indices.add(index);
        }
        return Access.steps(indices);
    }

    /** Tells whether a literal is the given word, bare or quoted, in any case. */
    private static boolean isWord(Literal literal, String word) {
        return switch (literal) {
            case Literal.Word w -> w.text().equalsIgnoreCase(word);
            case Literal.Str s -> s.value().strip().toLowerCase(Locale.ROOT).equals(word);
            default -> false;
        };
    }

    private static int wholeNumber(String written, String where, Literal literal) {
        if (!written.matches("[+-]?[0-9]+")) {
            throw new WorkflowParseException(
                    where + ": expected a whole number but found " + literal.describe(), literal.offset());
        }
        try {
            return Integer.parseInt(written);
        } catch (NumberFormatException e) {
            // Too many digits for an int: certainly out of range, so report it as such.
            return written.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }
}
