package dev.baton.task;

import dev.baton.input.UnknownNameException;
import java.util.List;
import java.util.Locale;

/**
 * The fixed train/test split every report uses.
 *
 * <p>A task is in {@link #TEST} when the first byte of SHA-256({@code <benchmark>:<id>}) mod 5 is below 2,
 * otherwise in {@link #TRAIN}: about 40% test, stable across machines and independent of file order.
 */
public enum Split {
    TRAIN, TEST, ALL;

    /**
     * Parses {@code train}, {@code test} or {@code all}.
     *
     * @throws UnknownNameException for any other name
     */
    public static Split parse(String name) {
        for (Split split : values()) {
            if (split.name().equalsIgnoreCase(name.strip())) {
                return split;
            }
        }
        throw new UnknownNameException("unknown split '" + name + "': use train, test or all");
    }

    /** Returns the split a task of the given benchmark belongs to: {@link #TRAIN} or {@link #TEST}. */
    public static Split of(String benchmark, String taskId) {
        byte[] digest = Sha256.of(benchmark + ":" + taskId);
        return Byte.toUnsignedInt(digest[0]) % 5 < 2 ? TEST : TRAIN;
    }

    /** Returns whether a task of the given benchmark is part of this split. */
    public boolean contains(String benchmark, String taskId) {
        return this == ALL || of(benchmark, taskId) == this;
    }

    /** Returns the tasks of {@code tasks} that belong to this split, in their original order. */
    public List<Task> select(String benchmark, List<Task> tasks) {
        return tasks.stream().filter(task -> contains(benchmark, task.id())).toList();
    }

    /** Returns the lower-case name used in flags and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
