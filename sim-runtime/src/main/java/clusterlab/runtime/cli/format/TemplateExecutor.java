package clusterlab.runtime.cli.format;

import clusterlab.runtime.cli.format.TemplateFunction.Failure;
import clusterlab.runtime.cli.format.TemplateFunction.Param;
import clusterlab.runtime.cli.format.TemplateNode.ActionNode;
import clusterlab.runtime.cli.format.TemplateNode.BoolNode;
import clusterlab.runtime.cli.format.TemplateNode.BranchNode;
import clusterlab.runtime.cli.format.TemplateNode.BreakNode;
import clusterlab.runtime.cli.format.TemplateNode.ChainNode;
import clusterlab.runtime.cli.format.TemplateNode.CommandNode;
import clusterlab.runtime.cli.format.TemplateNode.DotNode;
import clusterlab.runtime.cli.format.TemplateNode.FieldNode;
import clusterlab.runtime.cli.format.TemplateNode.IdentifierNode;
import clusterlab.runtime.cli.format.TemplateNode.ListNode;
import clusterlab.runtime.cli.format.TemplateNode.NilNode;
import clusterlab.runtime.cli.format.TemplateNode.NumberNode;
import clusterlab.runtime.cli.format.TemplateNode.PipeNode;
import clusterlab.runtime.cli.format.TemplateNode.StringNode;
import clusterlab.runtime.cli.format.TemplateNode.TextNode;
import clusterlab.runtime.cli.format.TemplateNode.VariableNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes a parsed template (text/template/exec.go) against the simulator's value
 * shapes, with Go's error texts: {@code template: :1:2: executing "" at <.Foo>: ...}.
 * Output goes to a StringBuilder that keeps what was written before an error, as Go's
 * writer does (docker relies on that for table headers).
 */
final class TemplateExecutor {

    /** Go's missingVal: "no piped value", distinct from a missing (invalid) value. */
    private static final Object NO_FINAL = new Object();
    /** Bounds the work of one execution (range iterations, nested calls). */
    private static final int MAX_STEPS = 10_000_000;
    private static final int MAX_DEPTH = 10_000;

    private enum Flow { NORMAL, BREAK, CONTINUE }

    private record Variable(String name, Object value) {
    }

    private final String source;
    private final Map<String, TemplateFunction> functions;
    private final StringBuilder out;
    private final List<Variable> vars = new ArrayList<>();
    private TemplateNode current;
    private int steps;
    private int depth;

    TemplateExecutor(String source, Map<String, TemplateFunction> functions, StringBuilder out) {
        this.source = source;
        this.functions = functions;
        this.out = out;
    }

    void execute(ListNode root, Object data) {
        Object dot = data == null ? GoValues.MISSING : data;
        vars.add(new Variable("$", dot));
        walk(dot, root);
    }

    // ---- errors --------------------------------------------------------------------

    private TemplateException error(String message) {
        if (current == null) {
            return new TemplateException("template: : " + message);
        }
        int pos = current.pos();
        String before = source.substring(0, pos);
        int newline = before.lastIndexOf('\n');
        int lineNum = 1 + (int) before.chars().filter(c -> c == '\n').count();
        int byteNum = before.substring(newline + 1).getBytes(StandardCharsets.UTF_8).length;
        String context = current.toString();
        if (context.getBytes(StandardCharsets.UTF_8).length > 20) {
            int end = context.codePointCount(0, context.length()) > 20 ? context.offsetByCodePoints(0, 20) : context.length();
            context = context.substring(0, end) + "...";
        }
        return new TemplateException("template: :" + lineNum + ":" + byteNum + ": executing \"\" at <" + context
                + ">: " + message);
    }

    private void step() {
        if (++steps > MAX_STEPS) {
            throw error("execution exceeded " + MAX_STEPS + " steps");
        }
    }

    // ---- walking -------------------------------------------------------------------

    private Flow walk(Object dot, TemplateNode node) {
        step();
        if (++depth > MAX_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        try {
            return walkNode(dot, node);
        } finally {
            depth--;
        }
    }

    private Flow walkNode(Object dot, TemplateNode node) {
        if (node instanceof TextNode text) {
            out.append(text.text());
        } else if (node instanceof ActionNode action) {
            current = action;
            Object value = evalPipeline(dot, action.pipe());
            if (action.pipe().decl().isEmpty()) {
                out.append(GoValues.print(value));
            }
        } else if (node instanceof ListNode list) {
            for (TemplateNode child : list.nodes()) {
                Flow flow = walk(dot, child);
                if (flow != Flow.NORMAL) {
                    return flow;
                }
            }
        } else if (node instanceof BranchNode branch) {
            return branch.keyword().equals("range") ? walkRange(dot, branch) : walkIfOrWith(dot, branch);
        } else if (node instanceof BreakNode b) {
            return b.isContinue() ? Flow.CONTINUE : Flow.BREAK;
        } else {
            current = node;
            throw error("unknown node: " + node);
        }
        return Flow.NORMAL;
    }

    private Flow walkIfOrWith(Object dot, BranchNode branch) {
        int mark = vars.size();
        try {
            Object value = evalPipeline(dot, branch.pipe());
            boolean truth = GoValues.truth(value);
            if (truth) {
                return walk(branch.keyword().equals("with") ? value : dot, branch.list());
            } else if (branch.elseList() != null) {
                return walk(dot, branch.elseList());
            }
            return Flow.NORMAL;
        } finally {
            vars.subList(mark, vars.size()).clear();
        }
    }

    private Flow walkRange(Object dot, BranchNode range) {
        current = range;
        int mark = vars.size();
        try {
            Object value = evalPipeline(dot, range.pipe());
            int bodyMark = vars.size();
            List<Object[]> items = new ArrayList<>();
            if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    items.add(new Object[] {(long) i, list.get(i)});
                }
            } else if (value instanceof Map<?, ?> map) {
                for (String key : GoValues.sortedKeys(map)) {
                    items.add(new Object[] {key, map.get(key)});
                }
            } else if (GoValues.isInteger(value)) {
                // Go 1.22: range over an int counts from 0.
                long n = ((Number) value).longValue();
                if (n > MAX_STEPS) {
                    throw error("range over " + n + " exceeds " + MAX_STEPS + " iterations");
                }
                for (long i = 0; i < n; i++) {
                    items.add(new Object[] {i, i});
                }
            } else if (value != GoValues.MISSING && value != null) {
                // Like Go, the error points at the last node the pipeline evaluated.
                throw error("range can't iterate over " + GoValues.print(value));
            }
            for (Object[] item : items) {
                List<VariableNode> decl = range.pipe().decl();
                if (decl.size() == 1) {
                    setTopVar(bodyMark, decl.get(0), GoValues.isInteger(value) ? item[0] : item[1]);
                } else if (decl.size() == 2) {
                    setTopVar(bodyMark - 1, decl.get(0), item[0]);
                    setTopVar(bodyMark, decl.get(1), item[1]);
                }
                int iterationMark = vars.size();
                Flow flow = walk(item[1], range.list());
                vars.subList(iterationMark, vars.size()).clear();
                if (flow == Flow.BREAK) {
                    break;
                }
            }
            if (items.isEmpty() && range.elseList() != null) {
                return walk(dot, range.elseList());
            }
            return Flow.NORMAL;
        } finally {
            vars.subList(mark, vars.size()).clear();
        }
    }

    /** Sets a range variable, counted from the newest (bodyMark) one pushed by the pipeline. */
    private void setTopVar(int markOfLast, VariableNode decl, Object value) {
        int at = markOfLast - 1;
        if (at >= 0 && at < vars.size()) {
            vars.set(at, new Variable(decl.ident().get(0), value));
        }
    }

    // ---- pipelines and commands ----------------------------------------------------

    private Object evalPipeline(Object dot, PipeNode pipe) {
        step();
        current = pipe;
        Object value = NO_FINAL;
        for (CommandNode cmd : pipe.cmds()) {
            value = evalCommand(dot, cmd, value);
            // A nil interface result is no value at all (Go re-wraps interface values).
            if (value == null) {
                value = GoValues.MISSING;
            }
        }
        for (VariableNode variable : pipe.decl()) {
            if (pipe.isAssign()) {
                assign(variable.ident().get(0), value);
            } else {
                vars.add(new Variable(variable.ident().get(0), value));
            }
        }
        return value;
    }

    private void assign(String name, Object value) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                vars.set(i, new Variable(name, value));
                return;
            }
        }
        throw error("undefined variable: " + name);
    }

    private Object lookup(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name().equals(name)) {
                return vars.get(i).value();
            }
        }
        throw error("undefined variable: " + name);
    }

    private Object evalCommand(Object dot, CommandNode cmd, Object fin) {
        TemplateNode first = cmd.args().get(0);
        if (first instanceof FieldNode field) {
            return evalFieldNode(dot, field, cmd.args(), fin);
        } else if (first instanceof ChainNode chain) {
            return evalChainNode(dot, chain, cmd.args(), fin);
        } else if (first instanceof IdentifierNode ident) {
            return evalFunction(dot, ident, cmd.args(), fin);
        } else if (first instanceof PipeNode pipe) {
            notAFunction(cmd.args(), fin);
            return evalPipeline(dot, pipe);
        } else if (first instanceof VariableNode variable) {
            return evalVariableNode(dot, variable, cmd.args(), fin);
        }
        current = first;
        notAFunction(cmd.args(), fin);
        if (first instanceof BoolNode b) {
            return b.value();
        } else if (first instanceof DotNode) {
            return dot;
        } else if (first instanceof NilNode) {
            throw error("nil is not a command");
        } else if (first instanceof NumberNode number) {
            return idealConstant(number);
        } else if (first instanceof StringNode string) {
            return string.text();
        }
        throw error("can't evaluate command " + GoQuote.quote(first.toString()));
    }

    private void notAFunction(List<TemplateNode> args, Object fin) {
        if (args.size() > 1 || fin != NO_FINAL) {
            throw error("can't give argument to non-function " + args.get(0));
        }
    }

    private Object idealConstant(NumberNode n) {
        current = n;
        String text = n.text();
        boolean hexInt = text.matches("[+-]?0[xX][^pP]*");
        if (n.isFloat() && !hexInt && !text.startsWith("'") && text.matches(".*[.eEpP].*")) {
            return n.floatValue();
        }
        if (n.isInt()) {
            return n.intValue();
        }
        throw error(text + " overflows int");
    }

    private Object evalFieldNode(Object dot, FieldNode field, List<TemplateNode> args, Object fin) {
        current = field;
        return evalFieldChain(dot, dot, field, field.ident(), args, fin);
    }

    private Object evalChainNode(Object dot, ChainNode chain, List<TemplateNode> args, Object fin) {
        current = chain;
        if (chain.node() instanceof NilNode) {
            throw error("indirection through explicit nil in " + chain);
        }
        Object pipe = evalArg(dot, null, chain.node());
        return evalFieldChain(dot, pipe, chain, chain.fields(), args, fin);
    }

    private Object evalVariableNode(Object dot, VariableNode variable, List<TemplateNode> args, Object fin) {
        current = variable;
        Object value = lookup(variable.ident().get(0));
        if (variable.ident().size() == 1) {
            notAFunction(args, fin);
            return value;
        }
        return evalFieldChain(dot, value, variable, variable.ident().subList(1, variable.ident().size()), args, fin);
    }

    private Object evalFieldChain(Object dot, Object receiver, TemplateNode node, List<String> ident,
                                  List<TemplateNode> args, Object fin) {
        int n = ident.size();
        Object value = receiver;
        for (int i = 0; i < n - 1; i++) {
            value = evalField(dot, ident.get(i), node, null, NO_FINAL, value);
        }
        return evalField(dot, ident.get(n - 1), node, args, fin, value);
    }

    private Object evalField(Object dot, String name, TemplateNode node, List<TemplateNode> args, Object fin,
                             Object receiver) {
        if (receiver == GoValues.MISSING) {
            return GoValues.MISSING;
        }
        if (receiver == null) {
            throw error("nil pointer evaluating interface {}." + name);
        }
        boolean hasArgs = (args != null && args.size() > 1) || fin != NO_FINAL;
        if (receiver instanceof GoStruct struct) {
            if (struct.fields().containsKey(name)) {
                Object value = struct.fields().get(name);
                if (value instanceof TemplateMethod method) {
                    TemplateFunction call = TemplateFunction.variadic(name, method::call, Param.ANY);
                    return evalCall(dot, call, node, name, args, fin);
                }
                if (hasArgs) {
                    throw error(name + " has arguments but cannot be invoked as function");
                }
                return value;
            }
        } else if (receiver instanceof Map<?, ?> map) {
            if (hasArgs) {
                throw error(name + " is not a method but has arguments");
            }
            return map.containsKey(name) ? map.get(name) : GoValues.MISSING;
        }
        throw error("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
    }

    private Object evalFunction(Object dot, IdentifierNode ident, List<TemplateNode> args, Object fin) {
        current = ident;
        TemplateFunction function = functions.get(ident.name());
        if (function == null) {
            throw error(GoQuote.quote(ident.name()) + " is not a defined function");
        }
        return evalCall(dot, function, ident, ident.name(), args, fin);
    }

    /** args includes the function's own node first (or is null when there are none). */
    private Object evalCall(Object dot, TemplateFunction fn, TemplateNode node, String name,
                            List<TemplateNode> args, Object fin) {
        if (++depth > MAX_DEPTH) {
            throw error("exceeded maximum template depth (" + MAX_DEPTH + ")");
        }
        try {
            List<TemplateNode> actual = args == null ? List.of() : args.subList(1, args.size());
            int numIn = actual.size() + (fin != NO_FINAL ? 1 : 0);
            int fixed = fn.params().size();
            if (fn.variadic() != null) {
                if (numIn < fixed) {
                    throw error("wrong number of args for " + name + ": want at least " + fixed + " got " + actual.size());
                }
            } else if (numIn != fixed) {
                throw error("wrong number of args for " + name + ": want " + fixed + " got " + numIn);
            }
            if (name.equals("and") || name.equals("or")) {
                if (functions.get(name) == fn) {
                    return andOr(dot, name.equals("or"), actual, fin);
                }
            }
            List<Object> argv = new ArrayList<>();
            for (int i = 0; i < actual.size(); i++) {
                argv.add(evalArg(dot, paramAt(fn, i), actual.get(i)));
            }
            if (fin != NO_FINAL) {
                argv.add(validateType(fin, paramAt(fn, numIn - 1)));
            }
            try {
                return fn.body().apply(argv);
            } catch (Failure | IllegalArgumentException e) {
                current = node;
                throw error("error calling " + name + ": " + e.getMessage());
            }
        } finally {
            depth--;
        }
    }

    private static Param paramAt(TemplateFunction fn, int i) {
        return i < fn.params().size() ? fn.params().get(i) : fn.variadic();
    }

    /** and/or evaluate lazily and return the deciding argument itself. */
    private Object andOr(Object dot, boolean isOr, List<TemplateNode> args, Object fin) {
        Object value = GoValues.MISSING;
        for (TemplateNode arg : args) {
            value = evalArg(dot, Param.VALUE, arg);
            if (GoValues.truth(value) == isOr) {
                return value;
            }
        }
        if (fin != NO_FINAL) {
            value = validateType(fin, Param.VALUE);
        }
        return value;
    }

    private Object evalArg(Object dot, Param type, TemplateNode n) {
        current = n;
        if (n instanceof DotNode) {
            return validateType(dot, type);
        } else if (n instanceof NilNode) {
            if (type == null || type == Param.ANY || type == Param.VALUE || type == Param.STRING_LIST) {
                return null;
            }
            throw error("cannot assign nil to " + type.goName());
        } else if (n instanceof FieldNode field) {
            return validateType(evalFieldNode(dot, field, List.of(n), NO_FINAL), type);
        } else if (n instanceof VariableNode variable) {
            return validateType(evalVariableNode(dot, variable, List.of(n), NO_FINAL), type);
        } else if (n instanceof PipeNode pipe) {
            return validateType(evalPipeline(dot, pipe), type);
        } else if (n instanceof IdentifierNode ident) {
            return validateType(evalFunction(dot, ident, null, NO_FINAL), type);
        } else if (n instanceof ChainNode chain) {
            return validateType(evalChainNode(dot, chain, null, NO_FINAL), type);
        }
        if (type == Param.STRING) {
            if (n instanceof StringNode s) {
                return s.text();
            }
            throw error("expected string; found " + n);
        } else if (type == Param.INT) {
            if (n instanceof NumberNode number && number.isInt()) {
                return number.intValue();
            }
            throw error("expected integer; found " + n);
        } else if (type == Param.STRING_LIST) {
            throw error("can't handle " + n + " for arg of type []string");
        }
        // interface{}, reflect.Value or a chain's head: the literal's own value.
        if (n instanceof BoolNode b) {
            return b.value();
        } else if (n instanceof NumberNode number) {
            return idealConstant(number);
        } else if (n instanceof StringNode s) {
            return s.text();
        }
        throw error("can't handle " + n + " for arg of type interface {}");
    }

    /** Go's validateType for the simulator's parameter types. */
    private Object validateType(Object value, Param type) {
        if (type == null) {
            return value;
        }
        if (value == GoValues.MISSING) {
            return switch (type) {
                case ANY, STRING_LIST -> null;
                case VALUE -> GoValues.MISSING;
                default -> throw error("invalid value; expected " + type.goName());
            };
        }
        boolean ok = switch (type) {
            case ANY, VALUE -> true;
            case STRING -> value instanceof String;
            case INT -> GoValues.isInteger(value);
            case STRING_LIST -> value instanceof List<?> list && GoValues.allStrings(list);
        };
        if (!ok) {
            throw error("wrong type for value; expected " + type.goName() + "; got " + GoValues.typeName(value));
        }
        return GoValues.isInteger(value) ? (Object) ((Number) value).longValue() : value;
    }
}
