package dev.confab.images;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the Helm values that pin every service to the image just built, by digest. */
final class ChartValues {

    static final String FILE = "values-images.yaml";

    private ChartValues() {
    }

    static Path write(List<BuiltImage> images, Path directory) throws IOException {
        StringBuilder values = new StringBuilder("""
                # Written by the image build (deploy/images): each service's image, pinned by digest. Push the archives
                # (bin/confab-images lists them), then: helm install confab deploy/helm/confab -f THIS_FILE
                """);
        for (BuiltImage image : images) {
            values.append(chartKey(image.service())).append(":\n")
                    .append("  image:\n")
                    .append("    repository: ").append(image.repository()).append('\n')
                    .append("    tag: \"").append(image.tag()).append("\"\n")
                    .append("    digest: ").append(image.digest()).append('\n');
        }
        return Files.writeString(directory.resolve(FILE), values);
    }

    /** The chart names a service's values after the service without its suffix: {@code gateway}, {@code nlu}… */
    static String chartKey(String service) {
        return service.substring(0, service.length() - "-service".length());
    }
}
