package dev.confab.bundle.load;

/**
 * One thing wrong with a bundle, where a designer can find it.
 *
 * @param file   path of the file inside the bundle, with {@code /} separators
 * @param line   1-based line, or 0 when the problem concerns the whole file or bundle
 * @param column 1-based column, or 0 when unknown
 */
public record BundleProblem(String file, int line, int column, String message) {

    /** {@code file:line:column: message}, the form compilers use, so editors and CI logs link to the spot. */
    @Override
    public String toString() {
        if (line == 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
