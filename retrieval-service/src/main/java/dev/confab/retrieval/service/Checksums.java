package dev.confab.retrieval.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The checksum that decides whether a re-sent document changed: content and citation metadata together. */
final class Checksums {

    private Checksums() {
    }

    static String of(DocumentUpload upload) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String field : new String[]{upload.contentType(), upload.title(), upload.url(),
                    String.join(",", upload.tags())}) {
                sha256.update(String.valueOf(field).getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            sha256.update(upload.content());
            return "sha256:" + HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
