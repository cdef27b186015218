package dev.confab.bundle.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One YAML file of a bundle as a JSON tree, remembering the line and column of every node by its JSON pointer,
 * so schema and reference errors can name the line a designer has to fix.
 * Scalars follow YAML 1.2's core schema: only {@code true}/{@code false} are booleans, so an example
 * utterance such as {@code - no} stays the text "no" instead of YAML 1.1's {@code false}.
 */
public final class YamlDocument {

    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
    private static final Pattern NULL = Pattern.compile("null|Null|NULL|~|");
    private static final int MAX_ALIASES = 20;

    private final String file;
    private final JsonNode root;
    private final Map<String, Mark> marks;

    private YamlDocument(String file, JsonNode root, Map<String, Mark> marks) {
        this.file = file;
        this.root = root;
        this.marks = marks;
    }

    /** Parses one file; syntax errors, duplicate keys and a file holding several documents are problems. */
    public static YamlDocument parse(String file, String content, int maxChars, List<BundleProblem> problems) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setCodePointLimit(Math.max(maxChars, 1));
        options.setAllowDuplicateKeys(false);
        Yaml yaml = new Yaml(new SafeConstructor(options));
        Map<String, Mark> marks = new HashMap<>();
        try {
            List<Node> documents = new ArrayList<>();
            yaml.composeAll(new StringReader(content)).forEach(documents::add);
            if (documents.size() > 1) {
                problems.add(at(file, documents.get(1).getStartMark(), "a bundle file holds one YAML document"));
            }
            JsonNode root = documents.isEmpty()
                    ? JsonNodeFactory.instance.objectNode()
                    : new Converter(file, marks, problems).convert(documents.get(0), "");
            return new YamlDocument(file, root, marks);
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() == null ? e.getContextMark() : e.getProblemMark();
            problems.add(at(file, mark, "YAML syntax: " + e.getProblem()));
        } catch (RuntimeException e) {
            problems.add(new BundleProblem(file, 0, 0, "YAML syntax: " + e.getMessage()));
        }
        return new YamlDocument(file, JsonNodeFactory.instance.objectNode(), marks);
    }

    public String file() {
        return file;
    }

    public JsonNode root() {
        return root;
    }

    /** A problem at the node a JSON pointer names, or at its nearest ancestor that has a position. */
    public BundleProblem problem(String pointer, String message) {
        String path = pointer;
        while (true) {
            Mark mark = marks.get(path);
            if (mark != null || path.isEmpty()) {
                return mark == null ? new BundleProblem(file, 1, 1, message) : at(file, mark, message);
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
    }

    private static BundleProblem at(String file, Mark mark, String message) {
        return mark == null
                ? new BundleProblem(file, 0, 0, message)
                : new BundleProblem(file, mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    /** JSON pointer escaping of one key (RFC 6901). */
    public static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /** Turns SnakeYAML's node graph into a Jackson tree, recording where each node starts. */
    private record Converter(String file, Map<String, Mark> marks, List<BundleProblem> problems) {

        JsonNode convert(Node node, String pointer) {
            marks.put(pointer, node.getStartMark());
            if (node instanceof MappingNode mapping) {
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                for (NodeTuple tuple : mapping.getValue()) {
                    String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
                    if (key == null) {
                        problems.add(at(file, tuple.getKeyNode().getStartMark(), "keys must be plain text"));
                        continue;
                    }
                    String childPointer = pointer + "/" + escape(key);
                    object.set(key, convert(tuple.getValueNode(), childPointer));
                    // The key's own line reads better than the value's for "unknown property" errors.
                    marks.put(childPointer, tuple.getKeyNode().getStartMark());
                }
                return object;
            }
            if (node instanceof SequenceNode sequence) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                List<Node> items = sequence.getValue();
                for (int i = 0; i < items.size(); i++) {
                    array.add(convert(items.get(i), pointer + "/" + i));
                }
                return array;
            }
            return scalar((ScalarNode) node);
        }

        private static JsonNode scalar(ScalarNode node) {
            String text = node.getValue();
            if (!node.isPlain() || Tag.STR.equals(node.getTag())) {
                return JsonNodeFactory.instance.textNode(text);
            }
            if (NULL.matcher(text).matches()) {
                return JsonNodeFactory.instance.nullNode();
            }
            if (BOOLEAN.matcher(text).matches()) {
                return JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(text.toLowerCase()));
            }
            if (INTEGER.matcher(text).matches()) {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(text).toBigInteger());
            }
            if (DECIMAL.matcher(text).matches()) {
                return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
            }
            return JsonNodeFactory.instance.textNode(text);
        }
    }
}
