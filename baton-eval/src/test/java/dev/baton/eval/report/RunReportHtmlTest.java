package dev.baton.eval.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class RunReportHtmlTest {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    @Test
    void pageIsWellFormedXmlWithoutScriptsOrOutsideResources() throws Exception {
        String html = RunReportHtml.render(RunReportFixtures.realistic());

        Document page = parse(html);

        assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
        assertThat(page.getElementsByTagNameNS(XHTML, "script").getLength()).isZero();
        assertThat(html).doesNotContain("http://cdn", "https://", "<link", "src=");
    }

    @Test
    void everySectionHasOneSvgPerChart() throws Exception {
        Document page = parse(RunReportHtml.render(RunReportFixtures.realistic()));

        // Per benchmark: cost/accuracy scatter, reward curve, accuracy curve, cost knob, worker bars, role bars.
        List<Element> sections = elements(page.getElementsByTagNameNS(XHTML, "section"));
        assertThat(sections).hasSize(2);
        for (Element section : sections) {
            assertThat(section.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(6);
        }
    }

    @Test
    void scatterHighlightsLearnedAndLabelsTheNotableRowsOnly() throws Exception {
        Element scatter = elements(parse(RunReportHtml.render(RunReportFixtures.realistic()))
                .getElementsByTagNameNS(SVG, "svg")).getFirst();

        List<String> texts = elements(scatter.getElementsByTagNameNS(SVG, "text")).stream()
                .map(Element::getTextContent).toList();
        assertThat(texts).contains("learned (λ=10)", "vote:top3", "moa:top3", "random", "oracle 95.2%");
        assertThat(texts).anyMatch(text -> text.startsWith("best-solo ("));
        assertThat(texts).noneMatch(text -> text.startsWith("solo:"));
        List<Element> dashed = elements(scatter.getElementsByTagNameNS(SVG, "line")).stream()
                .filter(line -> line.hasAttribute("stroke-dasharray")).toList();
        assertThat(dashed).isNotEmpty();
        // 30 solo dots and 5 labelled points, each named on hover, plus legend dots.
        long named = elements(scatter.getElementsByTagNameNS(SVG, "circle")).stream()
                .filter(circle -> circle.getElementsByTagNameNS(SVG, "title").getLength() == 1).count();
        assertThat(named).isEqualTo(35);
    }

    @Test
    void hostileQuestionIsEscapedAndShownVerbatim() throws Exception {
        String html = RunReportHtml.render(RunReportFixtures.withHostileQuestion());

        assertThat(html).doesNotContain("<script").contains("&lt;script&gt;");
        Document page = parse(html);
        List<String> paragraphs = elements(page.getElementsByTagNameNS(XHTML, "p")).stream()
                .map(Element::getTextContent).toList();
        assertThat(paragraphs).contains("Is <script>alert('x')</script> & $a<b$ valid?");
        assertThat(elements(page.getElementsByTagNameNS(XHTML, "code")))
                .extracting(Element::getTextContent).contains("</pre><b>no</b>");
        assertThat(page.getElementsByTagNameNS(XHTML, "b").getLength()).isZero();
    }

    @Test
    void workflowsAreInPreBlocksWithTheirLines() throws Exception {
        Document page = parse(RunReportHtml.render(RunReportFixtures.realistic()));

        String first = page.getElementsByTagNameNS(XHTML, "pre").item(0).getTextContent();
        assertThat(first.lines()).hasSize(3).first().isEqualTo("model_id = [3, 7, 0]");
    }

    @Test
    void emptySectionsRenderNotesInsteadOfCharts() throws Exception {
        Document page = parse(RunReportHtml.render(RunReportFixtures.bare()));

        assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isZero();
        assertThat(elements(page.getElementsByTagNameNS(XHTML, "p")).stream().map(Element::getTextContent))
                .contains("No learning curve was recorded for this benchmark.",
                        "No example workflow was recorded.", "Worker and role usage were not recorded.");
    }

    @Test
    void missingCurveDropsOnlyTheCurveCharts() throws Exception {
        BenchmarkSection full = RunReportFixtures.realistic().sections().getFirst();
        BenchmarkSection noCurve = new BenchmarkSection(full.table(), List.of(), full.knobPoints(), full.workerUsage(),
                Map.of(), full.examples());
        RunReport report = new RunReport("t", RunReportFixtures.CREATED, List.of(noCurve), List.of());

        Document page = parse(RunReportHtml.render(report));

        // Scatter, knob and worker bars remain; role bars give way to a note.
        assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(3);
    }

    @Test
    void reportWithoutSectionsStillRenders() throws Exception {
        RunReport report = new RunReport("Empty", RunReportFixtures.CREATED, List.of(), List.of("nothing ran"));

        Document page = parse(RunReportHtml.render(report));

        assertThat(page.getElementsByTagNameNS(XHTML, "h1").item(0).getTextContent()).isEqualTo("Empty");
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(html)));
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
