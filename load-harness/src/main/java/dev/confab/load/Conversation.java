package dev.confab.load;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** One simulated user: sends a message, reads the reply to {@code done}, waits for its pace, again. */
final class Conversation implements Runnable {

    private final Gateway gateway;
    private final String text;
    private final long paceNanos;
    private final long endNanos;
    private final List<TurnTiming> timings;
    private final String id = "load-" + UUID.randomUUID();

    Conversation(Gateway gateway, String text, long paceNanos, long endNanos, List<TurnTiming> timings) {
        this.gateway = gateway;
        this.text = text;
        this.paceNanos = paceNanos;
        this.endNanos = endNanos;
        this.timings = timings;
    }

    @Override
    public void run() {
        long next = System.nanoTime();
        while (next < endNanos) {
            timings.add(turn());
            next += paceNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private TurnTiming turn() {
        long sentAt = System.currentTimeMillis();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = gateway.send(id, text);
            if (response.statusCode() != 200) {
                response.body().close();
                return TurnTiming.failed(sentAt, millis(start));
            }
            double first = 0;
            String firstId = null;
            boolean failed = false;
            try (BufferedReader reply = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = reply.readLine(); line != null; line = reply.readLine()) {
                    // An event's id line comes before its name: the first id seen is the first event's.
                    if (line.startsWith("id:") && firstId == null) {
                        firstId = line.substring(3).strip();
                    }
                    if (line.startsWith("event:")) {
                        first = first == 0 ? millis(start) : first;
                        failed |= line.contains("error");
                        if (line.contains("done")) {
                            break;
                        }
                    }
                }
            }
            return new TurnTiming(first, millis(start), failed || first == 0, sentAt, firstId);
        } catch (Exception e) {
            return TurnTiming.failed(sentAt, millis(start));
        }
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
