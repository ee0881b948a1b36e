package dev.baton.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.fixtures.ScriptedWorker;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolTest {

    private final Pool pool = Pool.of(List.of(ScriptedWorker.answering("a", "1"), ScriptedWorker.answering("b", "2")));

    @Test
    void unknownWorkerErrorListsTheWorkersThatExist() {
        assertThatThrownBy(() -> pool.get("c"))
                .isInstanceOf(UnknownWorkerException.class)
                .hasMessage("unknown worker 'c': the pool has a, b");
    }

    @Test
    void repeatedWorkerIdIsRejected() {
        assertThatThrownBy(() -> Pool.of(List.of(ScriptedWorker.answering("a", "1"), ScriptedWorker.answering("a", "2"))))
                .hasMessageContaining("'a' appears twice");
    }

    @Test
    void viewNumbersWorkersInTheOrderGiven() {
        PoolView view = pool.view(List.of("b", "a"));
        assertThat(view.workerId(0)).isEqualTo("b");
        assertThat(view.indexOf("a")).isEqualTo(1);
        assertThatThrownBy(() -> view.workerId(2)).hasMessageContaining("models 0..1");
        assertThatThrownBy(() -> pool.view(List.of("a", "z"))).isInstanceOf(UnknownWorkerException.class);
    }
}
