package dev.confab.export;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command's refusals: unknown datasets and an unreachable dialog-service leave no file behind. */
class DataExportTest {

    @Test
    void anUnknownDatasetIsRefusedByName(@TempDir Path dir) {
        Path out = dir.resolve("out.jsonl");

        assertThatThrownBy(() -> DataExport.run("--dataset", "everything", "--tenant", "acme", "--assistant", "bank",
                "--out", out.toString(), "--dialog-url", "http://127.0.0.1:" + closedPort()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fine-tuning or nlu-review");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anUnreachableDialogServiceFailsTheExportWithoutAPartialFile(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("train.jsonl");

        assertThatThrownBy(() -> DataExport.run("--dataset", "fine-tuning", "--tenant", "acme", "--assistant",
                "bank", "--out", out.toString(), "--dialog-url", "http://127.0.0.1:" + closedPort()))
                .isInstanceOf(IOException.class);
        assertThat(dir).isEmptyDirectory();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
