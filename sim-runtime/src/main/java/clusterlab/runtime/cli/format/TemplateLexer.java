package clusterlab.runtime.cli.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go text/template's lexer (text/template/parse/lex.go) with the default "{{" "}}"
 * delimiters: trim markers, comments, quoted and raw strings, numbers, fields,
 * variables and keywords, with Go's error texts. It lexes the whole input up front;
 * the parser meets an error token exactly where Go's on-demand lexer would produce it.
 */
final class TemplateLexer {

    enum Type {
        ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
        LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE,
        STRING, TEXT, VARIABLE,
        // Keywords (Go's items above itemKeyword print as <name>).
        DOT, BLOCK, BREAK, CONTINUE, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= DOT.ordinal();
        }
    }

    record Token(Type type, int pos, String val, int line) {
        /** Go's item.String(), used in "unexpected ..." messages. */
        @Override
        public String toString() {
            if (type == Type.EOF) {
                return "EOF";
            } else if (type == Type.ERROR) {
                return val;
            } else if (type.isKeyword()) {
                return "<" + val + ">";
            } else if (val.codePointCount(0, val.length()) > 10) {
                return GoQuote.quote(val.substring(0, val.offsetByCodePoints(0, 10))) + "...";
            }
            return GoQuote.quote(val);
        }
    }

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final Map<String, Type> KEYWORDS = Map.ofEntries(
            Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
            Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE), Map.entry("else", Type.ELSE),
            Map.entry("end", Type.END), Map.entry("if", Type.IF), Map.entry("range", Type.RANGE),
            Map.entry("nil", Type.NIL), Map.entry("template", Type.TEMPLATE), Map.entry("with", Type.WITH));

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int pos;
    private int line = 1;
    private int startLine = 1;
    private int parenDepth;
    private boolean insideAction;

    private TemplateLexer(String input) {
        this.input = input;
    }

    /** All tokens, ending with EOF or with the first ERROR (then EOF). */
    static List<Token> lex(String input) {
        TemplateLexer lexer = new TemplateLexer(input);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        // Every step consumes input or ends lexing, so the input length bounds the loop.
        long budget = 4L * input.length() + 16;
        boolean more = true;
        while (more && budget-- > 0) {
            more = insideAction ? lexInsideAction() : lexText();
        }
        tokens.add(new Token(Type.EOF, pos, "", startLine));
    }

    // ---- helpers -------------------------------------------------------------------

    private static final int EOF_CHAR = -1;

    private int next() {
        if (pos >= input.length()) {
            return EOF_CHAR;
        }
        int cp = input.codePointAt(pos);
        pos += Character.charCount(cp);
        if (cp == '\n') {
            line++;
        }
        return cp;
    }

    private int peek() {
        return pos >= input.length() ? EOF_CHAR : input.codePointAt(pos);
    }

    private void backup(int cp) {
        if (cp == EOF_CHAR) {
            return;
        }
        pos -= Character.charCount(cp);
        if (cp == '\n') {
            line--;
        }
    }

    private void emit(Type type) {
        tokens.add(new Token(type, start, input.substring(start, pos), startLine));
        start = pos;
        startLine = line;
    }

    private void ignore() {
        line += count(input.substring(start, pos));
        start = pos;
        startLine = line;
    }

    private static int count(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Emits an error token and stops lexing. */
    private boolean error(String message) {
        tokens.add(new Token(Type.ERROR, start, message, startLine));
        return false;
    }

    private boolean accept(String valid) {
        int cp = next();
        if (cp != EOF_CHAR && valid.indexOf(cp) >= 0) {
            return true;
        }
        backup(cp);
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // Each accepted character advances pos, so this ends at the input's end.
        }
    }

    static boolean isSpace(int cp) {
        return cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n';
    }

    static boolean isAlphaNumeric(int cp) {
        return cp == '_' || Character.isLetter(cp) || Character.isDigit(cp);
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
    }

    /** [isDelim, trimSpaces] for a right delimiter at pos. */
    private boolean[] atRightDelim() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
            return new boolean[] {true, true};
        }
        return new boolean[] {input.startsWith(RIGHT, pos), false};
    }

    // ---- states --------------------------------------------------------------------

    private boolean lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
            pos = input.length();
            if (pos > start) {
                line += count(input.substring(start, pos));
                emit(Type.TEXT);
            }
            return false;
        }
        if (x > pos) {
            pos = x;
            int trim = 0;
            if (hasLeftTrimMarker(x + LEFT.length())) {
                trim = rightTrimLength(input.substring(start, pos));
            }
            pos -= trim;
            line += count(input.substring(start, pos));
            String text = input.substring(start, pos);
            Token token = new Token(Type.TEXT, start, text, startLine);
            start = pos;
            startLine = line;
            pos += trim;
            ignore();
            if (!text.isEmpty()) {
                tokens.add(token);
            }
        }
        return lexLeftDelim();
    }

    private static int rightTrimLength(String s) {
        int n = s.length();
        int i = n;
        while (i > 0 && isSpace(s.charAt(i - 1))) {
            i--;
        }
        return n - i;
    }

    private int leftTrimLength(int from) {
        int i = from;
        while (i < input.length() && isSpace(input.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private boolean lexLeftDelim() {
        pos += LEFT.length();
        boolean trimSpace = hasLeftTrimMarker(pos);
        int afterMarker = trimSpace ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            ignore();
            return lexComment();
        }
        tokens.add(new Token(Type.LEFT_DELIM, start, LEFT, startLine));
        insideAction = true;
        pos += afterMarker;
        ignore();
        parenDepth = 0;
        return true;
    }

    private boolean lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + 2;
        boolean[] delim = atRightDelim();
        if (!delim[0]) {
            return error("comment ends before closing delimiter");
        }
        if (delim[1]) {
            pos += 2;
        }
        pos += RIGHT.length();
        if (delim[1]) {
            pos += leftTrimLength(pos);
        }
        ignore();
        return true;
    }

    private boolean lexRightDelim() {
        boolean trimSpace = atRightDelim()[1];
        if (trimSpace) {
            pos += 2;
            ignore();
        }
        pos += RIGHT.length();
        emit(Type.RIGHT_DELIM);
        if (trimSpace) {
            pos += leftTrimLength(pos);
            ignore();
        }
        insideAction = false;
        return true;
    }

    private boolean lexInsideAction() {
        boolean[] delim = atRightDelim();
        if (delim[0]) {
            if (parenDepth == 0) {
                return lexRightDelim();
            }
            return error("unclosed left paren");
        }
        int r = next();
        if (r == EOF_CHAR) {
            return error("unclosed action");
        } else if (isSpace(r)) {
            backup(r);
            return lexSpace();
        } else if (r == '=') {
            emit(Type.ASSIGN);
        } else if (r == ':') {
            if (next() != '=') {
                return error("expected :=");
            }
            emit(Type.DECLARE);
        } else if (r == '|') {
            emit(Type.PIPE);
        } else if (r == '"') {
            return lexQuote();
        } else if (r == '`') {
            return lexRawQuote();
        } else if (r == '$') {
            return lexFieldOrVariable(Type.VARIABLE);
        } else if (r == '\'') {
            return lexChar();
        } else if (r == '.' && pos < input.length() && (input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
            return lexFieldOrVariable(Type.FIELD);
        } else if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup(r);
            return lexNumber();
        } else if (isAlphaNumeric(r)) {
            backup(r);
            return lexIdentifier();
        } else if (r == '(') {
            emit(Type.LEFT_PAREN);
            parenDepth++;
        } else if (r == ')') {
            parenDepth--;
            if (parenDepth < 0) {
                return error("unexpected right paren");
            }
            emit(Type.RIGHT_PAREN);
        } else if (r <= 0x7F && r >= 0x20 && r != 0x7F) {
            emit(Type.CHAR);
        } else {
            return error("unrecognized character in action: " + describeRune(r));
        }
        return true;
    }

    private boolean lexSpace() {
        int numSpaces = 0;
        while (isSpace(peek())) {
            next();
            numSpaces++;
        }
        // A space followed by "-}}" belongs to a trim-marked right delimiter.
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos - 1 + 2)) {
            backup(input.codePointAt(pos - 1));
            if (numSpaces == 1) {
                return lexRightDelim();
            }
        }
        emit(Type.SPACE);
        return true;
    }

    private boolean lexIdentifier() {
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup(r);
        String word = input.substring(start, pos);
        if (!atTerminator()) {
            return error("bad character " + describeRune(r));
        }
        Type keyword = KEYWORDS.get(word);
        if (keyword != null) {
            emit(keyword);
        } else if (word.equals("true") || word.equals("false")) {
            emit(Type.BOOL);
        } else {
            emit(Type.IDENTIFIER);
        }
        return true;
    }

    private boolean lexFieldOrVariable(Type type) {
        if (atTerminator()) {
            emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
            return true;
        }
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup(r);
        if (!atTerminator()) {
            return error("bad character " + describeRune(r));
        }
        emit(type);
        return true;
    }

    private boolean atTerminator() {
        int r = peek();
        if (isSpace(r)) {
            return true;
        }
        switch (r) {
            case EOF_CHAR, '.', ',', '|', ':', ')', '(':
                return true;
            default:
                return input.startsWith(RIGHT, pos);
        }
    }

    private boolean lexChar() {
        return lexEscaped('\'', Type.CHAR_CONSTANT, "unterminated character constant");
    }

    /**
     * The body of a quoted string or character constant up to {@code close}; backslash escapes one
     * character, and a newline or the end of input is Go's "unterminated" error. Bounded by the
     * input: each step consumes a character or stops.
     */
    private boolean lexEscaped(char close, Type type, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                int e = next();
                if (e != EOF_CHAR && e != '\n') {
                    continue;
                }
                return error(unterminated);
            } else if (r == EOF_CHAR || r == '\n') {
                return error(unterminated);
            } else if (r == close) {
                break;
            }
        }
        emit(type);
        return true;
    }

    private boolean lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
        }
        emit(Type.NUMBER);
        return true;
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private boolean lexQuote() {
        return lexEscaped('"', Type.STRING, "unterminated quoted string");
    }

    private boolean lexRawQuote() {
        while (true) {
            int r = next();
            if (r == EOF_CHAR) {
                return error("unterminated raw quoted string");
            } else if (r == '`') {
                break;
            }
        }
        emit(Type.RAW_STRING);
        return true;
    }

    /** Go's %#U: U+0041 'A'. */
    static String describeRune(int cp) {
        String hex = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
        String code = "U+" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
        if (cp >= 0 && GoQuote.isPrint(cp)) {
            return code + " '" + new String(Character.toChars(cp)) + "'";
        }
        return code;
    }
}
