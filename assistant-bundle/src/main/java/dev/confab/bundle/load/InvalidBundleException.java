package dev.confab.bundle.load;

import java.util.List;
import java.util.stream.Collectors;

/** A bundle that cannot be served, with every problem found in it. */
public class InvalidBundleException extends RuntimeException {

    private final transient List<BundleProblem> problems;

    public InvalidBundleException(List<BundleProblem> problems) {
        super(problems.size() + " problem(s) in the assistant bundle:\n" + problems.stream()
                .map(BundleProblem::toString)
                .collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<BundleProblem> problems() {
        return problems;
    }
}
