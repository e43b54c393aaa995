package clusterlab.lab.scenario;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Turns scenario text into a SnakeYAML node tree (every node keeps its line and column) without
 * ever constructing Java objects from it, and refuses what a scenario never needs but an attacker
 * might send: tags (which name Java classes to instantiate), alias bombs and huge documents.
 *
 * <p>The text is read twice. A first pass over the parser's events tracks the key path, so that
 * syntax errors, tags and excess aliases are reported as {@code steps[2].run: ...} rather than
 * just a position; SnakeYAML's own limits (set to the same values) then guard the composing pass.
 */
final class SafeYaml {
    /** Largest document, in code points (3 MiB); SnakeYAML's own default is 3 MiB too. */
    static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
    /** Aliases to lists or mappings; a scenario needs a handful, a billion-laughs bomb needs many. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /** Lists and mappings inside each other; a scenario needs five, SnakeYAML's composer stops at 50. */
    static final int MAX_NESTING = 50;

    private SafeYaml() {}

    /**
     * The root node of the single document in {@code text}, or null for an empty document.
     *
     * @throws ScenarioException for oversized text, bad syntax, tags, too many aliases or several documents
     */
    static Node compose(String text, String file) {
        if (text.length() > MAX_CODE_POINTS && text.codePointCount(0, text.length()) > MAX_CODE_POINTS) {
            throw new ScenarioException(file, 1, 1, "", "the file is too large: "
                    + text.codePointCount(0, text.length()) + " characters (a scenario may have at most "
                    + MAX_CODE_POINTS + ")");
        }
        EventCheck check = new EventCheck(file);
        try {
            for (Event event : new Yaml(options()).parse(new StringReader(text))) {
                check.accept(event);
            }
        } catch (MarkedYAMLException e) {
            throw check.syntaxError(e);
        } catch (YAMLException e) {
            throw new ScenarioException(file, 1, 1, "", "invalid YAML: " + e.getMessage(), e);
        }
        try {
            return new Yaml(options()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // The event pass has already refused everything SnakeYAML would; kept for defence in depth.
            Mark mark = e.getProblemMark();
            throw new ScenarioException(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, "", "invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new ScenarioException(file, 1, 1, "", "invalid YAML: " + e.getMessage(), e);
        }
    }

    /** SnakeYAML's safety switches, all on. */
    static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false); // no global tag may name a class
        return options;
    }

    /** {@code tag:yaml.org,2002:x} as it was written, {@code !!x}. */
    static String shortTag(String tag) {
        String prefix = "tag:yaml.org,2002:";
        return tag.startsWith(prefix) ? "!!" + tag.substring(prefix.length()) : tag;
    }

    /** Walks the event stream keeping the key path of the node being read; refuses tags, aliases beyond the limit, extra documents. */
    private static final class EventCheck {
        private final String file;
        private final Deque<Frame> open = new ArrayDeque<>();
        /** Anchor name to "anchors a list or mapping"; only looked up, never iterated. */
        private final Map<String, Boolean> anchors = new HashMap<>();
        private int collectionAliases;
        private int documents;

        EventCheck(String file) {
            this.file = file;
        }

        void accept(Event event) {
            if (event instanceof DocumentStartEvent) {
                documents++;
                if (documents > 1) {
                    throw error(event.getStartMark(), "", "only one YAML document is allowed (found a second one)");
                }
                return;
            }
            if (event instanceof AliasEvent alias) {
                String path = currentPath();
                Boolean collection = anchors.get(alias.getAnchor());
                if (collection == null) {
                    throw error(event.getStartMark(), path, "unknown alias *" + alias.getAnchor()
                            + " (no &" + alias.getAnchor() + " before it)");
                }
                if (Boolean.TRUE.equals(collection) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
                    throw error(event.getStartMark(), path, "too many aliases to lists or mappings (more than "
                            + MAX_COLLECTION_ALIASES + "); alias bombs (\"billion laughs\") are refused");
                }
                finished(null);
                return;
            }
            if (event instanceof NodeEvent node) {
                String path = currentPath();
                String tag = event instanceof ScalarEvent s ? s.getTag()
                        : event instanceof CollectionStartEvent c ? c.getTag() : null;
                if (tag != null && !tag.equals("!")) {
                    throw error(event.getStartMark(), path, "tags are not allowed in a scenario (found "
                            + shortTag(tag) + ")");
                }
                if (node.getAnchor() != null) {
                    anchors.put(node.getAnchor(), event instanceof CollectionStartEvent);
                }
                if (event instanceof ScalarEvent scalar) {
                    finished(scalar.getValue());
                } else {
                    if (open.size() >= MAX_NESTING) {
                        throw error(event.getStartMark(), path, "lists and mappings are nested too deeply (more than "
                                + MAX_NESTING + " levels)");
                    }
                    open.push(new Frame(path, event instanceof MappingStartEvent));
                }
                return;
            }
            if (event.is(Event.ID.MappingEnd) || event.is(Event.ID.SequenceEnd)) {
                open.pop();
                finished(null);
            }
        }

        /** A node has been read: the enclosing collection moves to its next key, value or item. */
        private void finished(String scalarValue) {
            Frame frame = open.peek();
            if (frame == null) {
                return;
            }
            if (!frame.mapping) {
                frame.index++;
            } else if (frame.atKey) {
                frame.key = scalarValue == null ? "?" : scalarValue;
                frame.atKey = false;
            } else {
                frame.atKey = true;
            }
        }

        /** The path of the node about to be read (a mapping's key belongs to the mapping itself). */
        private String currentPath() {
            Frame frame = open.peek();
            if (frame == null) {
                return "";
            }
            if (!frame.mapping) {
                return NodeReader.item(frame.path, frame.index);
            }
            return frame.atKey ? frame.path : NodeReader.child(frame.path, frame.key);
        }

        /**
         * Where the parser was when the syntax broke: the open list or mapping, or the key whose value
         * was being read. (The next item's path would point at an entry the user never wrote.)
         */
        private String enclosingPath() {
            Frame frame = open.peek();
            if (frame == null) {
                return "";
            }
            return frame.mapping && !frame.atKey ? NodeReader.child(frame.path, frame.key) : frame.path;
        }

        ScenarioException syntaxError(MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            StringBuilder problem = new StringBuilder("invalid YAML: ").append(e.getProblem());
            if (e.getContext() != null) {
                problem.append(" (").append(e.getContext());
                Mark context = e.getContextMark();
                if (context != null && context != mark) {
                    problem.append(" at ").append(context.getLine() + 1).append(':').append(context.getColumn() + 1);
                }
                problem.append(')');
            }
            return new ScenarioException(file, mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1, enclosingPath(), problem.toString(), e);
        }

        private ScenarioException error(Mark mark, String path, String problem) {
            return new ScenarioException(file, mark.getLine() + 1, mark.getColumn() + 1, path, problem);
        }
    }

    private static final class Frame {
        final String path;
        final boolean mapping;
        int index;
        boolean atKey = true;
        String key = "?";

        Frame(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }
}
