package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Model;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a trained model in Confab's binary model format (read back by {@link ModelInput}): big-endian numbers,
 * length-prefixed UTF-8 strings and arrays, and liblinear models in liblinear's own text format, so a model saved
 * by one build is read exactly by the same build. Maps are written sorted, so the same model writes the same bytes.
 */
public final class ModelOutput implements AutoCloseable {

    private final DataOutputStream out;

    public ModelOutput(OutputStream stream) {
        this.out = new DataOutputStream(new BufferedOutputStream(stream, 1 << 16));
    }

    public void writeInt(int value) throws IOException {
        out.writeInt(value);
    }

    public void writeLong(long value) throws IOException {
        out.writeLong(value);
    }

    public void writeDouble(double value) throws IOException {
        out.writeDouble(value);
    }

    public void writeBoolean(boolean value) throws IOException {
        out.writeBoolean(value);
    }

    /** A string, {@code null} included. */
    public void writeString(String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    public void writeStrings(Collection<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    public void writeCounts(Map<String, Integer> counts) throws IOException {
        Map<String, Integer> sorted = new TreeMap<>(counts);
        out.writeInt(sorted.size());
        for (Map.Entry<String, Integer> entry : sorted.entrySet()) {
            writeString(entry.getKey());
            out.writeInt(entry.getValue());
        }
    }

    public void writeDoubles(double[] values) throws IOException {
        out.writeInt(values.length);
        for (double value : values) {
            out.writeDouble(value);
        }
    }

    public void writeBytes(byte[] values) throws IOException {
        out.writeInt(values.length);
        out.write(values);
    }

    public void writeFloats(float[][] rows) throws IOException {
        out.writeInt(rows.length);
        for (float[] row : rows) {
            out.writeInt(row.length);
            for (float value : row) {
                out.writeFloat(value);
            }
        }
    }

    public void writeLinear(Model model) throws IOException {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(text, StandardCharsets.US_ASCII)) {
            model.save(writer);
        }
        out.writeInt(text.size());
        text.writeTo(out);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
