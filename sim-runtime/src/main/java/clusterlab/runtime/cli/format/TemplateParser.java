package clusterlab.runtime.cli.format;

import clusterlab.runtime.cli.format.TemplateLexer.Token;
import clusterlab.runtime.cli.format.TemplateLexer.Type;
import clusterlab.runtime.cli.format.TemplateNode.ActionNode;
import clusterlab.runtime.cli.format.TemplateNode.BoolNode;
import clusterlab.runtime.cli.format.TemplateNode.BranchNode;
import clusterlab.runtime.cli.format.TemplateNode.BreakNode;
import clusterlab.runtime.cli.format.TemplateNode.ChainNode;
import clusterlab.runtime.cli.format.TemplateNode.CommandNode;
import clusterlab.runtime.cli.format.TemplateNode.DotNode;
import clusterlab.runtime.cli.format.TemplateNode.ElseNode;
import clusterlab.runtime.cli.format.TemplateNode.EndNode;
import clusterlab.runtime.cli.format.TemplateNode.FieldNode;
import clusterlab.runtime.cli.format.TemplateNode.IdentifierNode;
import clusterlab.runtime.cli.format.TemplateNode.ListNode;
import clusterlab.runtime.cli.format.TemplateNode.NilNode;
import clusterlab.runtime.cli.format.TemplateNode.NumberNode;
import clusterlab.runtime.cli.format.TemplateNode.PipeNode;
import clusterlab.runtime.cli.format.TemplateNode.StringNode;
import clusterlab.runtime.cli.format.TemplateNode.TextNode;
import clusterlab.runtime.cli.format.TemplateNode.VariableNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Go text/template's parser (text/template/parse/parse.go) for an anonymous template
 * (name ""), with its error texts: "template: :1: function \"foo\" not defined".
 * {{define}}, {{template}} and {{block}} are not supported (docker formats never use them).
 */
final class TemplateParser {

    /** Depth limit on nested parentheses and control structures, like Go's maxStackDepth. */
    private static final int MAX_DEPTH = 10_000;

    private final List<Token> tokens;
    private final Set<String> functions;
    private final List<String> vars = new ArrayList<>(List.of("$"));
    private int index;
    private int furthest;
    private int actionLine;
    private int rangeDepth;
    private int depth;

    private TemplateParser(String text, Set<String> functions) {
        this.tokens = TemplateLexer.lex(text);
        this.functions = functions;
    }

    static ListNode parse(String text, Set<String> functions) {
        return new TemplateParser(text, functions).parseRoot();
    }

    // ---- token stream --------------------------------------------------------------

    private Token next() {
        Token token = tokens.get(Math.min(index, tokens.size() - 1));
        furthest = Math.max(furthest, Math.min(index, tokens.size() - 1));
        if (index < tokens.size() - 1) {
            index++;
        } else {
            // Past the end the stream keeps answering EOF; mark that by moving on.
            index = tokens.size();
        }
        return token;
    }

    private void backup() {
        index--;
    }

    private Token peek() {
        Token token = next();
        backup();
        return token;
    }

    private Token nextNonSpace() {
        Token token;
        int guard = tokens.size() + 1;
        do {
            token = next();
        } while (token.type() == Type.SPACE && guard-- > 0);
        return token;
    }

    private Token peekNonSpace() {
        Token token = nextNonSpace();
        backup();
        return token;
    }

    // ---- errors --------------------------------------------------------------------

    private TemplateException error(String message) {
        int line = tokens.get(Math.min(furthest, tokens.size() - 1)).line();
        return new TemplateException("template: :" + line + ": " + message);
    }

    private TemplateException unexpected(Token token, String context) {
        if (token.type() == Type.ERROR) {
            String extra = actionLine != 0 && actionLine != token.line()
                    ? " in action started at :" + actionLine : "";
            return error(token + extra);
        }
        return error("unexpected " + token + " in " + context);
    }

    private Token expect(Type expected, String context) {
        Token token = nextNonSpace();
        if (token.type() != expected) {
            throw unexpected(token, context);
        }
        return token;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("max depth exceeded");
        }
    }

    // ---- grammar -------------------------------------------------------------------

    private ListNode parseRoot() {
        List<TemplateNode> nodes = new ArrayList<>();
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                next();
                Token keyword = nextNonSpace();
                if (keyword.type() == Type.DEFINE) {
                    throw error("{{define}} is not supported in docker formats");
                }
                backup();
                // Go's backup2: put back the spaces we skipped as well.
                while (index > 0 && tokens.get(index - 1).type() == Type.SPACE) {
                    index--;
                }
                backup();
            }
            TemplateNode node = textOrAction();
            if (node instanceof EndNode || node instanceof ElseNode) {
                throw error("unexpected " + node);
            }
            nodes.add(node);
        }
        return new ListNode(0, nodes);
    }

    private TemplateNode textOrAction() {
        Token token = nextNonSpace();
        switch (token.type()) {
            case TEXT:
                return new TextNode(token.pos(), token.val());
            case LEFT_DELIM:
                actionLine = token.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                throw unexpected(token, "input");
        }
    }

    private TemplateNode action() {
        Token token = nextNonSpace();
        switch (token.type()) {
            case BLOCK, TEMPLATE, DEFINE:
                throw error("{{" + token.val() + "}} is not supported in docker formats");
            case BREAK:
                return breakControl(token, false);
            case CONTINUE:
                return breakControl(token, true);
            case ELSE:
                return elseControl();
            case END:
                return new EndNode(expect(Type.RIGHT_DELIM, "end").pos());
            case IF:
                return branch("if");
            case RANGE:
                return branch("range");
            case WITH:
                return branch("with");
            default:
                backup();
                Token start = peek();
                return new ActionNode(start.pos(), start.line(), pipeline("command", Type.RIGHT_DELIM));
        }
    }

    private TemplateNode breakControl(Token token, boolean isContinue) {
        String name = isContinue ? "{{continue}}" : "{{break}}";
        Token next = nextNonSpace();
        if (next.type() != Type.RIGHT_DELIM) {
            throw unexpected(next, name);
        }
        if (rangeDepth == 0) {
            throw error(name + " outside {{range}}");
        }
        return new BreakNode(token.pos(), isContinue);
    }

    private TemplateNode elseControl() {
        Token peek = peekNonSpace();
        if (peek.type() == Type.IF || peek.type() == Type.WITH) {
            return new ElseNode(peek.pos(), peek.line());
        }
        Token token = expect(Type.RIGHT_DELIM, "else");
        return new ElseNode(token.pos(), token.line());
    }

    private BranchNode branch(String keyword) {
        enter();
        int savedVars = vars.size();
        try {
            PipeNode pipe = pipeline(keyword, Type.RIGHT_DELIM);
            if (keyword.equals("range")) {
                rangeDepth++;
            }
            List<TemplateNode> body = new ArrayList<>();
            TemplateNode next = itemList(body);
            if (keyword.equals("range")) {
                rangeDepth--;
            }
            ListNode list = new ListNode(pipe.pos(), body);
            ListNode elseList = null;
            if (next instanceof ElseNode elseNode) {
                Type following = peek().type();
                if ((keyword.equals("if") && following == Type.IF) || (keyword.equals("with") && following == Type.WITH)) {
                    // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing one {{end}}.
                    next();
                    elseList = new ListNode(elseNode.pos(), List.of(branch(keyword)));
                } else {
                    List<TemplateNode> elseBody = new ArrayList<>();
                    TemplateNode end = itemList(elseBody);
                    if (!(end instanceof EndNode)) {
                        throw error("expected end; found " + end);
                    }
                    elseList = new ListNode(elseNode.pos(), elseBody);
                }
            }
            return new BranchNode(keyword, pipe.pos(), pipe.line(), pipe, list, elseList);
        } finally {
            vars.subList(savedVars, vars.size()).clear();
            depth--;
        }
    }

    /** Parses nodes up to {{end}} or {{else}}, which it returns. */
    private TemplateNode itemList(List<TemplateNode> into) {
        while (peekNonSpace().type() != Type.EOF) {
            TemplateNode node = textOrAction();
            if (node instanceof EndNode || node instanceof ElseNode) {
                return node;
            }
            into.add(node);
        }
        throw error("unexpected EOF");
    }

    private PipeNode pipeline(String context, Type end) {
        enter();
        try {
            Token first = peekNonSpace();
            List<VariableNode> decl = new ArrayList<>();
            boolean isAssign = declarations(context, decl);
            List<CommandNode> cmds = new ArrayList<>();
            // Each pass consumes at least one token, so the token count bounds the loop.
            for (int guard = tokens.size() + 1; guard > 0; guard--) {
                Token token = nextNonSpace();
                if (token.type() == end) {
                    checkPipeline(cmds, context);
                    return new PipeNode(first.pos(), first.line(), isAssign, decl, cmds);
                }
                switch (token.type()) {
                    case BOOL, CHAR_CONSTANT, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING, STRING,
                         VARIABLE, LEFT_PAREN -> {
                        backup();
                        cmds.add(command());
                    }
                    default -> throw unexpected(token, context);
                }
            }
            throw error("unexpected EOF");
        } finally {
            depth--;
        }
    }

    /** Go's "decls:" loop; returns whether the pipeline assigns (=) rather than declares. */
    private boolean declarations(String context, List<VariableNode> decl) {
        boolean isAssign = false;
        for (int round = 0; round < 2; round++) {
            Token v = peekNonSpace();
            if (v.type() != Type.VARIABLE) {
                return isAssign;
            }
            int before = index;
            nextNonSpace();
            Token afterVariable = peek();
            Token following = peekNonSpace();
            if (following.type() == Type.ASSIGN || following.type() == Type.DECLARE) {
                isAssign = following.type() == Type.ASSIGN;
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                return isAssign;
            } else if (following.type() == Type.CHAR && following.val().equals(",")) {
                nextNonSpace();
                decl.add(new VariableNode(v.pos(), List.of(v.val())));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Type t = peekNonSpace().type();
                    if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
                        continue;
                    }
                    throw error("range can only initialize variables");
                }
                throw error("too many declarations in " + context);
            } else {
                // Not a declaration: the variable is an operand; rewind to it.
                index = before;
                return isAssign;
            }
        }
        return isAssign;
    }

    private void checkPipeline(List<CommandNode> cmds, String context) {
        if (cmds.isEmpty()) {
            throw error("missing value for " + context);
        }
        for (int i = 1; i < cmds.size(); i++) {
            TemplateNode first = cmds.get(i).args().get(0);
            if (first instanceof BoolNode || first instanceof DotNode || first instanceof NilNode
                    || first instanceof NumberNode || first instanceof StringNode) {
                throw error("non executable command in pipeline stage " + (i + 1));
            }
        }
    }

    private CommandNode command() {
        Token first = peekNonSpace();
        List<TemplateNode> args = new ArrayList<>();
        for (int guard = tokens.size() + 1; guard > 0; guard--) {
            peekNonSpace();
            TemplateNode operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token token = next();
            if (token.type() == Type.SPACE) {
                continue;
            }
            if (token.type() == Type.RIGHT_DELIM || token.type() == Type.RIGHT_PAREN) {
                backup();
            } else if (token.type() != Type.PIPE) {
                throw unexpected(token, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw error("empty command");
        }
        return new CommandNode(first.pos(), args);
    }

    private TemplateNode operand() {
        TemplateNode node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == Type.FIELD) {
            int pos = peek().pos();
            List<String> fields = new ArrayList<>();
            for (int guard = tokens.size() + 1; peek().type() == Type.FIELD && guard > 0; guard--) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof FieldNode f) {
                List<String> all = new ArrayList<>(f.ident());
                all.addAll(fields);
                return new FieldNode(f.pos(), all);
            } else if (node instanceof VariableNode v) {
                List<String> all = new ArrayList<>(v.ident());
                all.addAll(fields);
                return new VariableNode(v.pos(), all);
            } else if (node instanceof BoolNode || node instanceof StringNode || node instanceof NumberNode
                    || node instanceof NilNode || node instanceof DotNode) {
                throw error("unexpected . after term " + GoQuote.quote(node.toString()));
            }
            return new ChainNode(pos, node, fields);
        }
        return node;
    }

    private TemplateNode term() {
        Token token = nextNonSpace();
        switch (token.type()) {
            case IDENTIFIER:
                if (!functions.contains(token.val())) {
                    throw error("function " + GoQuote.quote(token.val()) + " not defined");
                }
                return new IdentifierNode(token.pos(), token.val());
            case DOT:
                return new DotNode(token.pos());
            case NIL:
                return new NilNode(token.pos());
            case VARIABLE:
                return useVar(token);
            case FIELD:
                return new FieldNode(token.pos(), splitField(token.val()));
            case BOOL:
                return new BoolNode(token.pos(), token.val().equals("true"));
            case CHAR_CONSTANT, NUMBER:
                return number(token);
            case LEFT_PAREN:
                return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
            case STRING, RAW_STRING:
                String text = GoQuote.unquote(token.val());
                if (text == null) {
                    throw error("invalid syntax");
                }
                return new StringNode(token.pos(), token.val(), text);
            default:
                backup();
                return null;
        }
    }

    private static List<String> splitField(String val) {
        return Arrays.asList(val.substring(1).split("\\.", -1));
    }

    private VariableNode useVar(Token token) {
        List<String> ident = Arrays.asList(token.val().split("\\.", -1));
        if (!vars.contains(ident.get(0))) {
            throw error("undefined variable " + GoQuote.quote(ident.get(0)));
        }
        return new VariableNode(token.pos(), ident);
    }

    /** Go's newNumber: integers (with base prefixes and '_'), floats and char constants. */
    private NumberNode number(Token token) {
        String text = token.val();
        if (token.type() == Type.CHAR_CONSTANT) {
            String inner = GoQuote.unquote("\"" + text.substring(1, text.length() - 1).replace("\"", "\\\"") + "\"");
            if (inner == null || inner.codePointCount(0, inner.length()) != 1) {
                throw error("malformed character constant: " + text);
            }
            int cp = inner.codePointAt(0);
            return new NumberNode(token.pos(), text, true, cp, true, cp);
        }
        if (text.endsWith("i")) {
            throw error("complex constants are not supported: " + GoQuote.quote(text));
        }
        Long integer = parseGoInteger(text);
        if (integer != null) {
            boolean looksFloat = !isHex(text) && text.matches(".*[.eEpP].*");
            return new NumberNode(token.pos(), text, true, integer, looksFloat, integer.doubleValue());
        }
        String clean = text.replace("_", "");
        try {
            if (!clean.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")
                    && !clean.matches("[+-]?0[xX][0-9a-fA-F.]+[pP][+-]?\\d+")) {
                throw new NumberFormatException();
            }
            double f = Double.parseDouble(clean);
            if (!clean.matches(".*[.eEpP].*")) {
                throw error("integer overflow: " + GoQuote.quote(text));
            }
            boolean isInt = f == Math.rint(f) && Math.abs(f) < 0x1p63;
            return new NumberNode(token.pos(), text, isInt, isInt ? (long) f : 0, true, f);
        } catch (NumberFormatException e) {
            throw error("illegal number syntax: " + GoQuote.quote(text));
        }
    }

    private static boolean isHex(String text) {
        String t = text.startsWith("+") || text.startsWith("-") ? text.substring(1) : text;
        return t.startsWith("0x") || t.startsWith("0X");
    }

    /** strconv.ParseInt(text, 0, 64); null when it is not an integer literal that fits. */
    private static Long parseGoInteger(String text) {
        String t = text;
        boolean negative = false;
        if (t.startsWith("+") || t.startsWith("-")) {
            negative = t.startsWith("-");
            t = t.substring(1);
        }
        int radix = 10;
        boolean prefixed = false;
        if (t.length() > 1 && t.charAt(0) == '0') {
            char p = Character.toLowerCase(t.charAt(1));
            if (p == 'x' || p == 'o' || p == 'b') {
                radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                t = t.substring(2);
                prefixed = true;
            } else {
                radix = 8;
                t = t.substring(1);
                prefixed = true;
            }
        }
        if (t.contains("_") && !prefixed) {
            return null;
        }
        t = t.replace("_", "");
        if (t.isEmpty()) {
            return prefixed && radix == 8 ? 0L : null;
        }
        try {
            BigInteger value = new BigInteger(t, radix);
            if (negative) {
                value = value.negate();
            }
            return value.bitLength() < 64 ? value.longValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
