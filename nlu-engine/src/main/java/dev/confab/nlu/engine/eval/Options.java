package dev.confab.nlu.engine.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The {@code --name value} options of the bin/nlu-* commands, checked against what a command knows. */
public final class Options {

    private Options() {
    }

    /**
     * @throws IllegalArgumentException naming an unknown option, a missing value or a missing required option
     */
    public static Map<String, String> parse(String[] args, Map<String, String> defaults, List<String> required,
                                     List<String> optional) {
        Map<String, String> options = new HashMap<>(defaults);
        for (int i = 0; i < args.length; i += 2) {
            boolean known = required.contains(args[i]) || optional.contains(args[i]) || defaults.containsKey(args[i]);
            if (!known || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown option or missing value: " + args[i]);
            }
            options.put(args[i], args[i + 1]);
        }
        for (String option : required) {
            if (!options.containsKey(option)) {
                throw new IllegalArgumentException(option + " is required");
            }
        }
        return options;
    }
}
