package dev.confab.retrieval.engine.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each supported format becomes text with its structure, and each kind of bad file is refused with its reason. */
class DocumentParserTest {

    private final DocumentParser parser = new DocumentParser();

    @Test
    void readsMarkdownAndTakesTheTitleFromItsFirstHeading() {
        ParsedDocument document = parser.parse(utf8("# Fees\n\nA spare card costs £6.\n"), "text/markdown");

        assertThat(document.title()).isEqualTo("Fees");
        assertThat(document.text()).contains("A spare card costs £6.");
    }

    @Test
    void turnsHtmlHeadingsAndParagraphsIntoMarkdownTheChunkerFollows() {
        String html = """
                <html><head><title>Card help</title><script>var x = 1;</script></head>
                <body><nav><a href="/">Home</a></nav>
                <h1>Cards</h1><p>Cards arrive in <b>7 working days</b>.</p>
                <h2>PIN</h2><ul><li><p>See your PIN in the app.</p></li></ul></body></html>""";

        ParsedDocument document = parser.parse(utf8(html), "text/html; charset=utf-8");

        assertThat(document.title()).isEqualTo("Card help");
        assertThat(document.text())
                .contains("# Cards\n\nCards arrive in 7 working days.\n\n## PIN\n\nSee your PIN in the app.")
                .doesNotContain("var x");
    }

    @Test
    void readsTheTextLayerOfAPdf() throws IOException {
        ParsedDocument document = parser.parse(pdf("Transfers to a UK account arrive within two hours."),
                "application/pdf");

        assertThat(document.text()).contains("Transfers to a UK account arrive within two hours.");
    }

    @Test
    void refusesAPdfWithoutText() throws IOException {
        assertThatThrownBy(() -> parser.parse(pdf(null), "application/pdf"))
                .isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("no text layer");
    }

    @Test
    void refusesEmptyBinaryAndUnsupportedFilesWithTheirReasons() {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);

        assertThatThrownBy(() -> parser.parse(new byte[0], "text/plain")).hasMessageContaining("empty");
        assertThatThrownBy(() -> parser.parse(garbage, "text/plain")).hasMessageContaining("not UTF-8 text");
        assertThatThrownBy(() -> parser.parse(garbage, "application/pdf")).hasMessageContaining("Not a readable PDF");
        assertThatThrownBy(() -> parser.parse(utf8("   \n\n  "), "text/markdown")).hasMessageContaining("no text");
        assertThatThrownBy(() -> parser.parse(garbage, "application/zip"))
                .isInstanceOfSatisfying(UnreadableDocumentException.class,
                        e -> assertThat(e.unsupportedType()).isTrue());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF with this line of text, or a blank page for {@code null}. */
    private static byte[] pdf(String line) throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            if (line != null) {
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.beginText();
                    content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    content.newLineAtOffset(72, 700);
                    content.showText(line);
                    content.endText();
                }
            }
            pdf.save(out);
            return out.toByteArray();
        }
    }
}
