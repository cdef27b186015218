package dev.confab.gateway.rest;

import dev.confab.contracts.rest.InvalidRequestException;

import java.text.Normalizer;

/**
 * What a user typed, checked before it enters a conversation and normalised where that is harmless. No keyboard
 * types a control character or half of a UTF-16 surrogate pair: they come from broken or hostile clients, break
 * PostgreSQL (a NUL is error 22021) and the encoder downstream, so they are refused with where they are, rather than
 * silently dropped from what the user meant. Tabs and line breaks are text. Text is put in Unicode NFC, so "é" typed
 * as e + accent and as one character reads the same to the NLU; text with nothing visible in it (spaces, zero-width
 * characters) is empty.
 */
final class MessageText {

    private MessageText() {
    }

    /** The text in NFC; {@link InvalidRequestException} naming the first character that cannot be text. */
    static String checked(String text) {
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            boolean paired = Character.isHighSurrogate(unit) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (Character.isSurrogate(unit) && !paired) {
                throw new InvalidRequestException("Field 'text' has half of a UTF-16 surrogate pair at position " + i
                        + "; send whole characters");
            }
            int codePoint = text.codePointAt(i);
            if (Character.getType(codePoint) == Character.CONTROL && codePoint != '\t' && codePoint != '\n'
                    && codePoint != '\r') {
                throw new InvalidRequestException(String.format(
                        "Field 'text' has the control character U+%04X at position %d", codePoint, i));
            }
            visible |= !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                    && Character.getType(codePoint) != Character.FORMAT;
            i += paired ? 1 : 0;
        }
        if (!visible) {
            throw new InvalidRequestException("Field 'text' is empty");
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
