package dev.confab.images;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An OCI image archive as a registry or a container runtime reads it: index, manifest, config. Reads the tar format
 * itself in one pass and keeps only the small entries, so six images of hundreds of megabytes are read in seconds.
 */
final class OciArchive {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BLOCK = 512;
    private static final long SMALL = 1 << 20;

    private final Map<String, byte[]> entries;

    private OciArchive(Map<String, byte[]> entries) {
        this.entries = entries;
    }

    static OciArchive read(Path archive) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = field(header, 0, 100);
                long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (size <= SMALL) {
                    entries.put(name, in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return new OciArchive(entries);
    }

    boolean has(String name) {
        return entries.containsKey(name);
    }

    JsonNode index() throws IOException {
        return json("index.json");
    }

    JsonNode manifest() throws IOException {
        return blob(index().path("manifests").path(0).path("digest").asText());
    }

    JsonNode config() throws IOException {
        return blob(manifest().path("config").path("digest").asText());
    }

    JsonNode blob(String digest) throws IOException {
        return json("blobs/" + digest.replace(':', '/'));
    }

    private JsonNode json(String name) throws IOException {
        byte[] bytes = entries.get(name);
        if (bytes == null) {
            throw new IOException("No " + name + " in the archive");
        }
        return JSON.readTree(bytes);
    }

    private static String field(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
