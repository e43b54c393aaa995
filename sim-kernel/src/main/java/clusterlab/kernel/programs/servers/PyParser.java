package clusterlab.kernel.programs.servers;

import clusterlab.kernel.programs.servers.PyAst.Expr;
import clusterlab.kernel.programs.servers.PyAst.Stmt;
import clusterlab.kernel.programs.servers.PyLexer.Kind;
import clusterlab.kernel.programs.servers.PyLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the Python subset of a Flask hello-world (imports, assignments, decorated functions
 * returning strings, {@code if __name__ == "__main__":}) into {@link PyAst}. Anything outside it is
 * reported as Python 3.6 reports a syntax error: the file, the line, a caret, the message.
 */
final class PyParser {
    /** Bounds: lines of a script and nesting of expressions. */
    private static final int MAX_LINES = 20_000;
    private static final int MAX_DEPTH = 50;

    /** A syntax error as CPython prints it (without the "Traceback" header). */
    static final class PySyntaxError extends RuntimeException {
        final int line;
        final String text;
        final int column;
        final String kind;

        PySyntaxError(String kind, String message, int line, String text, int column) {
            super(message);
            this.kind = kind;
            this.line = line;
            this.text = text;
            this.column = column;
        }

        /** The lines Python prints to stderr for this error in {@code file}. */
        String render(String file) {
            String stripped = text.stripLeading();
            int col = Math.max(0, column - (text.length() - stripped.length()));
            return "  File \"" + file + "\", line " + line + "\n    " + stripped.stripTrailing() + "\n    "
                    + " ".repeat(Math.min(col, stripped.length())) + "^\n" + kind + ": " + getMessage() + "\n";
        }
    }

    private record Line(int number, int indent, String text, List<Token> tokens) {}

    private final List<Line> lines = new ArrayList<>();
    private int pos;
    private List<Token> toks;
    private int tp;
    private Line current;
    private int depth;

    static List<Stmt> parse(String source) {
        return new PyParser(source).module();
    }

    private PyParser(String source) {
        String[] raw = source.split("\n", MAX_LINES);
        for (int i = 0; i < raw.length; i++) {
            String text = raw[i].replace("\r", "");
            int indent = 0;
            while (indent < text.length() && (text.charAt(indent) == ' ' || text.charAt(indent) == '\t')) {
                indent += text.charAt(indent) == '\t' ? 8 - indent % 8 : 1;
            }
            List<Token> tokens;
            try {
                tokens = PyLexer.lex(text);
            } catch (PyLexer.LexError e) {
                throw new PySyntaxError("SyntaxError", e.getMessage(), i + 1, text, e.column);
            }
            if (!tokens.isEmpty()) {
                lines.add(new Line(i + 1, indentWidth(text), text, tokens));
            }
        }
    }

    private static int indentWidth(String text) {
        int w = 0;
        for (int i = 0; i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t'); i++) {
            w += text.charAt(i) == '\t' ? 8 - w % 8 : 1;
        }
        return w;
    }

    private List<Stmt> module() {
        if (!lines.isEmpty() && lines.get(0).indent() > 0) {
            Line l = lines.get(0);
            throw new PySyntaxError("IndentationError", "unexpected indent", l.number(), l.text(), l.tokens().get(0).end() - 1);
        }
        return block(0);
    }

    /** Statements at exactly {@code indent}, until a line indented less. */
    private List<Stmt> block(int indent) {
        List<Stmt> out = new ArrayList<>();
        List<Expr> decorators = new ArrayList<>();
        while (pos < lines.size()) {
            Line l = lines.get(pos);
            if (l.indent() < indent) {
                break;
            }
            if (l.indent() > indent) {
                throw new PySyntaxError("IndentationError", "unexpected indent", l.number(), l.text(),
                        l.tokens().get(0).end() - 1);
            }
            pos++;
            begin(l);
            if (peek().is("@")) {
                tp++;
                decorators.add(expr());
                end();
                continue;
            }
            if (peek().is("def")) {
                out.add(def(l, decorators));
                decorators = new ArrayList<>();
                continue;
            }
            if (!decorators.isEmpty()) {
                throw error(peek());
            }
            out.add(statement(l, indent));
        }
        if (!decorators.isEmpty()) {
            Line last = lines.get(pos - 1);
            throw new PySyntaxError("SyntaxError", "unexpected EOF while parsing", last.number() + 1, "", 0);
        }
        return out;
    }

    private Stmt def(Line l, List<Expr> decorators) {
        tp++;
        String name = name();
        expect("(");
        expect(")");
        expect(":");
        end();
        return new PyAst.Def(l.number(), name, List.copyOf(decorators), body(l));
    }

    /** The indented block after a line ending in a colon. */
    private List<Stmt> body(Line header) {
        if (pos >= lines.size() || lines.get(pos).indent() <= header.indent()) {
            if (pos >= lines.size()) {
                throw new PySyntaxError("SyntaxError", "unexpected EOF while parsing", header.number() + 1, "", 0);
            }
            Line next = lines.get(pos);
            throw new PySyntaxError("IndentationError", "expected an indented block", next.number(), next.text(),
                    next.tokens().get(0).end() - 1);
        }
        return block(lines.get(pos).indent());
    }

    private Stmt statement(Line l, int indent) {
        Token first = peek();
        int n = l.number();
        switch (first.text()) {
            case "import" -> {
                if (first.kind() != Kind.NAME) {
                    break;
                }
                tp++;
                List<String[]> modules = new ArrayList<>();
                do {
                    String module = dotted();
                    String as = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
                    if (peek().is("as")) {
                        tp++;
                        as = name();
                    }
                    modules.add(new String[] {module, as});
                } while (accept(","));
                end();
                return new PyAst.Import(n, modules);
            }
            case "from" -> {
                tp++;
                String module = dotted();
                expect("import");
                List<String> names = new ArrayList<>();
                boolean paren = accept("(");
                do {
                    names.add(name());
                } while (accept(","));
                if (paren) {
                    expect(")");
                }
                end();
                return new PyAst.FromImport(n, module, names);
            }
            case "return" -> {
                tp++;
                Expr value = atEnd() ? new PyAst.Const(PyValues.NONE) : expr();
                end();
                return new PyAst.Return(n, value);
            }
            case "pass" -> {
                tp++;
                end();
                return new PyAst.Pass(n);
            }
            case "if" -> {
                tp++;
                Expr cond = expr();
                expect(":");
                end();
                List<Stmt> body = body(l);
                List<Stmt> orElse = List.of();
                if (pos < lines.size() && lines.get(pos).indent() == indent && lines.get(pos).tokens().get(0).is("else")) {
                    Line elseLine = lines.get(pos++);
                    begin(elseLine);
                    tp++;
                    expect(":");
                    end();
                    orElse = body(elseLine);
                }
                return new PyAst.If(n, cond, body, orElse);
            }
            default -> { }
        }
        if (first.kind() == Kind.NAME && toks.size() > 1 && toks.get(1).is("=")) {
            String target = name();
            tp++;
            Expr value = expr();
            end();
            return new PyAst.Assign(n, target, value);
        }
        Expr e = expr();
        end();
        return new PyAst.ExprStmt(n, e);
    }

    // ---- expressions ----

    private Expr expr() {
        if (++depth > MAX_DEPTH) {
            throw error(peek());
        }
        try {
            Expr left = sum();
            if (peek().is("==") || peek().is("!=")) {
                String op = toks.get(tp++).text();
                return new PyAst.Compare(left, op, sum());
            }
            return left;
        } finally {
            depth--;
        }
    }

    private Expr sum() {
        Expr left = postfix();
        while (peek().is("+")) {
            tp++;
            left = new PyAst.BinOp(left, "+", postfix());
        }
        return left;
    }

    private Expr postfix() {
        Expr e = atom();
        while (true) {
            if (peek().is(".")) {
                tp++;
                e = new PyAst.Attr(e, name());
            } else if (peek().is("(")) {
                tp++;
                List<Expr> args = new ArrayList<>();
                Map<String, Expr> kwargs = new LinkedHashMap<>();
                while (!peek().is(")")) {
                    if (peek().kind() == Kind.NAME && tp + 1 < toks.size() && toks.get(tp + 1).is("=")) {
                        String k = name();
                        tp++;
                        kwargs.put(k, expr());
                    } else {
                        if (!kwargs.isEmpty()) {
                            throw new PySyntaxError("SyntaxError", "positional argument follows keyword argument",
                                    current.number(), current.text(), peek().end() - 1);
                        }
                        args.add(expr());
                    }
                    if (!accept(",")) {
                        break;
                    }
                }
                expect(")");
                e = new PyAst.Call(e, args, kwargs);
            } else if (peek().is("[")) {
                tp++;
                Expr index = expr();
                expect("]");
                e = new PyAst.Subscript(e, index);
            } else {
                return e;
            }
        }
    }

    private Expr atom() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                tp++;
                Expr s = string(t);
                // adjacent literals concatenate: "a" "b"
                while (peek().kind() == Kind.STRING) {
                    s = new PyAst.BinOp(s, "+", string(toks.get(tp++)));
                }
                return s;
            }
            case NUMBER -> {
                tp++;
                if (t.text().length() > 18) {
                    throw error(t);
                }
                return new PyAst.Num(Long.parseLong(t.text()));
            }
            case NAME -> {
                if (PyValues.KEYWORDS.contains(t.text())) {
                    throw error(t);
                }
                tp++;
                return switch (t.text()) {
                    case "True" -> new PyAst.Const(Boolean.TRUE);
                    case "False" -> new PyAst.Const(Boolean.FALSE);
                    case "None" -> new PyAst.Const(PyValues.NONE);
                    default -> new PyAst.Name(t.text());
                };
            }
            default -> {
                if (t.is("[")) {
                    tp++;
                    List<Expr> items = new ArrayList<>();
                    while (!peek().is("]")) {
                        items.add(expr());
                        if (!accept(",")) {
                            break;
                        }
                    }
                    expect("]");
                    return new PyAst.ListLit(items);
                }
                if (t.is("(")) {
                    tp++;
                    Expr inner = expr();
                    expect(")");
                    return inner;
                }
                throw error(t);
            }
        }
    }

    private Expr string(Token t) {
        if (!t.prefix().contains("f")) {
            return new PyAst.Str(t.text());
        }
        List<Object> parts = new ArrayList<>();
        String s = t.text();
        StringBuilder lit = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                lit.append('{');
                i++;
            } else if (c == '}' && i + 1 < s.length() && s.charAt(i + 1) == '}') {
                lit.append('}');
                i++;
            } else if (c == '{') {
                int close = s.indexOf('}', i);
                if (close < 0) {
                    throw new PySyntaxError("SyntaxError", "f-string: expecting '}'", current.number(), current.text(),
                            t.end() - 1);
                }
                parts.add(lit.toString());
                lit.setLength(0);
                parts.add(subExpression(s.substring(i + 1, close), t));
                i = close;
            } else {
                lit.append(c);
            }
        }
        parts.add(lit.toString());
        return new PyAst.FStr(parts);
    }

    private Expr subExpression(String text, Token at) {
        List<Token> saved = toks;
        int savedTp = tp;
        try {
            toks = PyLexer.lex(text);
            tp = 0;
            if (toks.isEmpty()) {
                throw new PySyntaxError("SyntaxError", "f-string: empty expression not allowed", current.number(),
                        current.text(), at.end() - 1);
            }
            Expr e = expr();
            if (tp < toks.size()) {
                throw new PySyntaxError("SyntaxError", "invalid syntax", current.number(), current.text(), at.end() - 1);
            }
            return e;
        } catch (PyLexer.LexError e) {
            throw new PySyntaxError("SyntaxError", "invalid syntax", current.number(), current.text(), at.end() - 1);
        } finally {
            toks = saved;
            tp = savedTp;
        }
    }

    // ---- token helpers ----

    private void begin(Line l) {
        current = l;
        toks = l.tokens();
        tp = 0;
    }

    private static final Token EOL = new Token(Kind.OP, "<eol>", "", -1, -1);

    private Token peek() {
        return tp < toks.size() ? toks.get(tp) : EOL;
    }

    private boolean atEnd() {
        return tp >= toks.size();
    }

    private boolean accept(String op) {
        if (peek().is(op)) {
            tp++;
            return true;
        }
        return false;
    }

    private void expect(String op) {
        if (!accept(op)) {
            throw error(peek());
        }
    }

    private String name() {
        Token t = peek();
        if (t.kind() != Kind.NAME || PyValues.KEYWORDS.contains(t.text())) {
            throw error(t);
        }
        tp++;
        return t.text();
    }

    private String dotted() {
        StringBuilder b = new StringBuilder(name());
        while (accept(".")) {
            b.append('.').append(name());
        }
        return b.toString();
    }

    private void end() {
        if (!atEnd()) {
            throw error(peek());
        }
    }

    /** CPython 3.6 puts the caret under the last character of the token it could not accept. */
    private PySyntaxError error(Token t) {
        int column = t == EOL ? current.text().stripTrailing().length() : t.end() - 1;
        return new PySyntaxError("SyntaxError", "invalid syntax", current.number(), current.text(), column);
    }
}
