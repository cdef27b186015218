package dev.confab.retrieval.engine.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Markdown, plain text, HTML and PDF into {@link ParsedDocument}s, and refuses anything it cannot turn into
 * meaningful text with a reason: empty files, binary data sent as text, PDFs without a text layer.
 */
public final class DocumentParser {

    private static final Pattern FIRST_HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(.+?)[ \\t#]*$");
    /** Block elements whose text becomes a paragraph of its own. */
    private static final String BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, td, th, pre, blockquote, dt, dd";
    /** Share of control characters above which "text" is really binary data. */
    private static final double MAX_CONTROL_SHARE = 0.01;

    public ParsedDocument parse(byte[] content, String contentType) {
        if (content.length == 0) {
            throw new UnreadableDocumentException("The document is empty");
        }
        String type = mediaType(contentType);
        switch (type) {
            case "text/markdown", "text/x-markdown", "text/plain" -> {
                String text = text(content);
                return new ParsedDocument(firstHeading(text), text);
            }
            case "text/html", "application/xhtml+xml" -> {
                return html(text(content));
            }
            case "application/pdf" -> {
                return pdf(content);
            }
            default -> throw UnreadableDocumentException.unsupported(contentType);
        }
    }

    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new UnreadableDocumentException("A Content-Type is required (text/markdown, text/plain, text/html "
                    + "or application/pdf)");
        }
        return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    /** Strict UTF-8, so that binary data sent as text is refused rather than indexed as mojibake. */
    private static String text(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableDocumentException("The document is not UTF-8 text; is it a binary file?");
        }
        long control = text.chars()
                .filter(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                .count();
        if (control > text.length() * MAX_CONTROL_SHARE) {
            throw new UnreadableDocumentException("The document contains binary data, not text");
        }
        return requireWords(text.replace("\r\n", "\n"));
    }

    private static ParsedDocument html(String html) {
        Document page = Jsoup.parse(html);
        StringBuilder text = new StringBuilder();
        for (Element block : page.body().select(BLOCKS)) {
            // An outer block (a list item holding paragraphs) is skipped: its inner blocks are read one by one.
            if (block.select(BLOCKS).size() > 1) {
                continue;
            }
            String blockText = block.text().strip();
            if (blockText.isEmpty()) {
                continue;
            }
            String tag = block.normalName();
            if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                text.append("#".repeat(tag.charAt(1) - '0')).append(' ');
            }
            text.append(blockText).append("\n\n");
        }
        String body = requireWords(text.toString());
        String title = page.title().isBlank() ? firstHeading(body) : page.title().strip();
        return new ParsedDocument(title, body);
    }

    private static ParsedDocument pdf(byte[] content) {
        try (PDDocument pdf = Loader.loadPDF(content)) {
            String text = new PDFTextStripper().getText(pdf);
            if (text.isBlank()) {
                throw new UnreadableDocumentException("The PDF has no text layer (scanned pages need OCR first)");
            }
            String title = pdf.getDocumentInformation().getTitle();
            return new ParsedDocument(title == null || title.isBlank() ? null : title.strip(), text.strip());
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocumentException("The PDF is encrypted");
        } catch (IOException e) {
            throw new UnreadableDocumentException("Not a readable PDF: " + e.getMessage());
        }
    }

    private static String requireWords(String text) {
        if (text.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw new UnreadableDocumentException("The document has no text");
        }
        return text;
    }

    private static String firstHeading(String text) {
        Matcher heading = FIRST_HEADING.matcher(text);
        return heading.find() ? heading.group(1).strip() : null;
    }
}
