package dev.confab.nlu.engine;

import de.bwaldvogel.liblinear.Model;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what {@link ModelOutput} wrote, in the same order; a stream that ends early or lies fails with IOException. */
public final class ModelInput implements AutoCloseable {

    /** No string or array of a model comes near this; a longer length means the file is not a model. */
    private static final int MAX_LENGTH = 1 << 28;

    private final DataInputStream in;

    public ModelInput(InputStream stream) {
        this.in = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
    }

    public int readInt() throws IOException {
        return in.readInt();
    }

    public long readLong() throws IOException {
        return in.readLong();
    }

    public double readDouble() throws IOException {
        return in.readDouble();
    }

    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    public String readString() throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] bytes = new byte[length()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public List<String> readStrings() throws IOException {
        int size = length();
        List<String> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readString());
        }
        return values;
    }

    public Map<String, Integer> readCounts() throws IOException {
        int size = length();
        Map<String, Integer> counts = new HashMap<>(size * 2);
        for (int i = 0; i < size; i++) {
            counts.put(readString(), in.readInt());
        }
        return counts;
    }

    public double[] readDoubles() throws IOException {
        double[] values = new double[length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }

    public byte[] readBytes() throws IOException {
        byte[] values = new byte[length()];
        in.readFully(values);
        return values;
    }

    public float[][] readFloats() throws IOException {
        float[][] rows = new float[length()][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = new float[length()];
            for (int i = 0; i < rows[r].length; i++) {
                rows[r][i] = in.readFloat();
            }
        }
        return rows;
    }

    public Model readLinear() throws IOException {
        byte[] text = new byte[length()];
        in.readFully(text);
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.US_ASCII)) {
            return Model.load(reader);
        }
    }

    private int length() throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_LENGTH) {
            throw new IOException("Not a Confab model: a length of " + length);
        }
        return length;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
