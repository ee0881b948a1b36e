package dev.baton.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesMarkupCharacters() {
        assertThat(Html.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }

    @Test
    void keepsLatexAndUnicodeButDropsCharactersXmlForbids() {
        assertThat(Html.escape("$\\frac{a}{b}$ λ=10 \u0007\tok\n")).isEqualTo("$\\frac{a}{b}$ λ=10 \tok\n");
        assertThat(Html.escape("a\uD800b")).isEqualTo("ab");
        assertThat(Html.escape("\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }
}
