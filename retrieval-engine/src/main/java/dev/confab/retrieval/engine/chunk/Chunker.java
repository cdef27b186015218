package dev.confab.retrieval.engine.chunk;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cuts a document (Markdown, or plain text) into chunks that follow its structure: a chunk never crosses a heading,
 * fills up with whole paragraphs, splits a paragraph that is too long between sentences (a sentence that is too long
 * between words), and starts with the last sentences of the chunk before it in the same section, so a fact at a
 * boundary is found from either side. Every chunk is a span of the original text, so citations can point at it.
 */
public final class Chunker {

    private static final Pattern HEADING = Pattern.compile("(?m)^(#{1,6})[ \\t]+(.+?)[ \\t#]*$");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n[ \\t]*\\n");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])[\\s]+(?=\\S)");

    private final int maxChars;
    private final int overlapChars;

    /**
     * @param maxChars     longest chunk, in characters (overlap included)
     * @param overlapChars at most this much of the previous chunk (whole sentences) starts the next one
     */
    public Chunker(int maxChars, int overlapChars) {
        if (maxChars < 50 || overlapChars < 0 || overlapChars >= maxChars / 2) {
            throw new IllegalArgumentException("Chunks need at least 50 characters and an overlap under half of them");
        }
        this.maxChars = maxChars;
        this.overlapChars = overlapChars;
    }

    public List<Chunk> chunk(String text) {
        List<Chunk> chunks = new ArrayList<>();
        List<String> headings = new ArrayList<>();
        Matcher heading = HEADING.matcher(text);
        int sectionStart = 0;
        while (heading.find()) {
            chunkSection(text, sectionStart, heading.start(), headings, chunks);
            int level = heading.group(1).length();
            while (headings.size() >= level) {
                headings.remove(headings.size() - 1);
            }
            while (headings.size() < level - 1) {
                headings.add("");
            }
            headings.add(heading.group(2).strip());
            sectionStart = heading.end();
        }
        chunkSection(text, sectionStart, text.length(), headings, chunks);
        return chunks;
    }

    private void chunkSection(String text, int from, int to, List<String> headings, List<Chunk> chunks) {
        List<int[]> pieces = new ArrayList<>();
        for (int[] paragraph : split(text, from, to, PARAGRAPH_BREAK)) {
            if (paragraph[1] - paragraph[0] <= maxChars) {
                pieces.add(paragraph);
                continue;
            }
            for (int[] sentence : split(text, paragraph[0], paragraph[1], SENTENCE_END)) {
                pieces.addAll(sentence[1] - sentence[0] <= maxChars ? List.of(sentence) : words(text, sentence));
            }
        }
        List<String> path = headings.stream().filter(name -> !name.isEmpty()).toList();
        int start = -1;
        int end = -1;
        for (int[] piece : pieces) {
            if (start >= 0 && piece[1] - start > maxChars) {
                chunks.add(new Chunk(chunks.size(), text.substring(start, end), start, end, path));
                start = overlapStart(text, start, end, piece[1]);
            }
            if (start < 0) {
                start = piece[0];
            }
            end = piece[1];
        }
        if (start >= 0) {
            chunks.add(new Chunk(chunks.size(), text.substring(start, end), start, end, path));
        }
    }

    /** Where the next chunk starts: after the sentences of the last chunk that fit in the overlap, or at its end. */
    private int overlapStart(String text, int start, int end, int nextEnd) {
        int best = end;
        Matcher boundary = SENTENCE_END.matcher(text).region(start, end);
        while (boundary.find()) {
            int candidate = boundary.end();
            if (end - candidate <= overlapChars && nextEnd - candidate <= maxChars) {
                best = Math.min(best, candidate);
            }
        }
        // The next chunk starts at its own first non-blank character when there is no overlap.
        while (best < text.length() && best < nextEnd && Character.isWhitespace(text.charAt(best))) {
            best++;
        }
        return best == end ? -1 : best;
    }

    /** Spans of non-blank text between separators, trimmed. */
    private static List<int[]> split(String text, int from, int to, Pattern separator) {
        List<int[]> spans = new ArrayList<>();
        Matcher matcher = separator.matcher(text).region(from, to);
        int at = from;
        while (matcher.find()) {
            addTrimmed(text, at, matcher.start(), spans);
            at = matcher.end();
        }
        addTrimmed(text, at, to, spans);
        return spans;
    }

    private List<int[]> words(String text, int[] sentence) {
        List<int[]> parts = new ArrayList<>();
        int start = sentence[0];
        while (sentence[1] - start > maxChars) {
            int cut = text.lastIndexOf(' ', start + maxChars);
            if (cut <= start) {
                cut = start + maxChars;
            }
            addTrimmed(text, start, cut, parts);
            start = cut;
        }
        addTrimmed(text, start, sentence[1], parts);
        return parts;
    }

    private static void addTrimmed(String text, int from, int to, List<int[]> spans) {
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        if (to > from) {
            spans.add(new int[] {from, to});
        }
    }
}
