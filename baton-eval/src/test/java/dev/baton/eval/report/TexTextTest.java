package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexTextTest {

    @Test
    void rendersCommonMathReadably() {
        assertThat(TexText.toHtml("$\\frac{7}{12}$")).isEqualTo("7/12");
        assertThat(TexText.toHtml("$\\frac{x^2-1}{x-1}$")).isEqualTo("(x<sup>2</sup>-1)/(x-1)");
        assertThat(TexText.toHtml("$\\sqrt{3} + \\sqrt[3]{x+1}$")).isEqualTo("\u221a3 + <sup>3</sup>\u221a(x+1)");
        assertThat(TexText.toHtml("\\boxed{42}")).isEqualTo("<span class=\"boxed\">42</span>");
        assertThat(TexText.toHtml("$a_{n+1} \\le 2\\pi r$, $90^\\circ$")).isEqualTo("a<sub>n+1</sub> \u2264 2\u03c0 r, 90\u00b0");
        assertThat(TexText.toHtml("$\\dfrac12$")).isEqualTo("1/2");
        assertThat(TexText.toHtml("Solve \\[ |x|+1>7 \\] and \\(x \\ge 0\\).")).isEqualTo("Solve  |x|+1&gt;7  and x \u2265 0.");
    }

    @Test
    void leavesUnknownCommandsAsWritten() {
        assertThat(TexText.toHtml("$\\weird{x}$")).isEqualTo("\\weirdx");
    }

    @Test
    void leavesPlainTextAndCurrencyAlone() {
        assertThat(TexText.looksLikeTex("She sells them for $2 each and earns $18 a day.")).isFalse();
        assertThat(TexText.toHtml("Pay $2 & <b>")).isEqualTo("Pay $2 &amp; &lt;b&gt;");
    }

    @Test
    void escapesMarkupInsideTex() {
        assertThat(TexText.toHtml("$a<b$ \\text{<script>}")).isEqualTo("a&lt;b &lt;script&gt;");
    }
}
