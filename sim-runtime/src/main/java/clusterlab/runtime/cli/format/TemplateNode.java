package clusterlab.runtime.cli.format;

import java.util.List;

/**
 * The parse tree of a template (text/template/parse/node.go). {@code pos} is a char
 * index into the source; toString() gives Go's Node.String(), which error messages quote.
 */
sealed interface TemplateNode {

    int pos();

    record ListNode(int pos, List<TemplateNode> nodes) implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            nodes.forEach(out::append);
            return out.toString();
        }
    }

    record TextNode(int pos, String text) implements TemplateNode {
        @Override
        public String toString() {
            return text;
        }
    }

    record ActionNode(int pos, int line, PipeNode pipe) implements TemplateNode {
        @Override
        public String toString() {
            return "{{" + pipe + "}}";
        }
    }

    record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
            implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            if (!decl.isEmpty()) {
                for (int i = 0; i < decl.size(); i++) {
                    out.append(i > 0 ? ", " : "").append(decl.get(i));
                }
                out.append(isAssign ? " = " : " := ");
            }
            for (int i = 0; i < cmds.size(); i++) {
                out.append(i > 0 ? " | " : "").append(cmds.get(i));
            }
            return out.toString();
        }
    }

    record CommandNode(int pos, List<TemplateNode> args) implements TemplateNode {
        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < args.size(); i++) {
                out.append(i > 0 ? " " : "");
                TemplateNode arg = args.get(i);
                out.append(arg instanceof PipeNode ? "(" + arg + ")" : arg.toString());
            }
            return out.toString();
        }
    }

    record FieldNode(int pos, List<String> ident) implements TemplateNode {
        @Override
        public String toString() {
            return "." + String.join(".", ident);
        }
    }

    record VariableNode(int pos, List<String> ident) implements TemplateNode {
        @Override
        public String toString() {
            return String.join(".", ident);
        }
    }

    record ChainNode(int pos, TemplateNode node, List<String> fields) implements TemplateNode {
        @Override
        public String toString() {
            String head = node instanceof PipeNode ? "(" + node + ")" : node.toString();
            return head + "." + String.join(".", fields);
        }
    }

    record IdentifierNode(int pos, String name) implements TemplateNode {
        @Override
        public String toString() {
            return name;
        }
    }

    record DotNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return ".";
        }
    }

    record NilNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return "nil";
        }
    }

    record BoolNode(int pos, boolean value) implements TemplateNode {
        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    /** A number constant; isFloat means it is written as one (has . e or p). */
    record NumberNode(int pos, String text, boolean isInt, long intValue, boolean isFloat, double floatValue)
            implements TemplateNode {
        @Override
        public String toString() {
            return text;
        }
    }

    record StringNode(int pos, String quoted, String text) implements TemplateNode {
        @Override
        public String toString() {
            return quoted;
        }
    }

    /** if, range and with share one shape. */
    record BranchNode(String keyword, int pos, int line, PipeNode pipe, ListNode list, ListNode elseList)
            implements TemplateNode {
        @Override
        public String toString() {
            String head = "{{" + keyword + " " + pipe + "}}" + list;
            return elseList == null ? head + "{{end}}" : head + "{{else}}" + elseList + "{{end}}";
        }
    }

    record BreakNode(int pos, boolean isContinue) implements TemplateNode {
        @Override
        public String toString() {
            return isContinue ? "{{continue}}" : "{{break}}";
        }
    }

    /** Parse-time markers for {{end}} and {{else}}; never in a finished tree. */
    record EndNode(int pos) implements TemplateNode {
        @Override
        public String toString() {
            return "{{end}}";
        }
    }

    record ElseNode(int pos, int line) implements TemplateNode {
        @Override
        public String toString() {
            return "{{else}}";
        }
    }
}
