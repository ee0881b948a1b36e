package dev.baton.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConductorSpecFormTest {

    @Test
    void anUnknownSpecListsEveryFormUnderstoodLearnedIncludedWhereRegistered() {
        assertThatThrownBy(() -> ConductorSpecs.checkForm("foo", Set.of(ConductorSpecForm.LEARNED)))
                .isInstanceOf(ConductorSpecException.class)
                .hasMessage("unknown conductor 'foo': use one of best-solo, solo:<worker>, solo:all, random, vote:<w1,w2,...>, "
                        + "vote:top<k>, moa:top<k>, cascade:<w1,w2,...>, best-cascade, oracle, learned:<FILE>, lm:<worker>");
        assertThatThrownBy(() -> ConductorSpecs.checkForm("foo", Set.of()))
                .hasMessageNotContaining("learned");
    }

    @Test
    void everyListedFormWithItsPlaceholdersFilledIsAcceptedByTheParser() {
        for (ConductorSpecForm form : ConductorSpecForm.ALL) {
            String example = form.form().replace("<worker>", "a").replace("<w1,w2,...>", "a,b").replace("<k>", "2").replace("<FILE>", "ck.json");
            ConductorSpecs.checkForm(example, Set.of(ConductorSpecForm.LEARNED)); // throws if the list promises what the parser refuses
            assertThat(example).as(form.form()).startsWith(form.kind());
        }
    }
}
