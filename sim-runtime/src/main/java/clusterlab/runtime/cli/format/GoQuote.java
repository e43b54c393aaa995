package clusterlab.runtime.cli.format;

/** Go's strconv.Quote / strconv.Unquote for double-quoted strings, as templates use them. */
public final class GoQuote {

    private static final String HEX = "0123456789abcdef";

    private GoQuote() {
    }

    /** strconv.Quote: printable runes stay, the rest become Go escapes. */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            appendEscaped(out, cp);
        }
        return out.append('"').toString();
    }

    private static void appendEscaped(StringBuilder out, int cp) {
        switch (cp) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case 0x07 -> out.append("\\a");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case 0x0B -> out.append("\\v");
            default -> {
                if (Character.isSurrogate((char) cp) && cp <= 0xFFFF) {
                    // A lone surrogate is invalid UTF-8 once encoded: Go shows the replacement rune.
                    out.append("\\ufffd");
                } else if (isPrint(cp)) {
                    out.appendCodePoint(cp);
                } else if (cp < 0x80) {
                    out.append("\\x").append(HEX.charAt(cp >> 4)).append(HEX.charAt(cp & 0xF));
                } else if (cp <= 0xFFFF) {
                    out.append("\\u");
                    appendHex(out, cp, 4);
                } else {
                    out.append("\\U");
                    appendHex(out, cp, 8);
                }
            }
        }
    }

    private static void appendHex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX.charAt((value >> shift) & 0xF));
        }
    }

    /** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    /**
     * strconv.Unquote of a double-quoted or back-quoted literal; null when Go would
     * report "invalid syntax".
     */
    static String unquote(String literal) {
        if (literal.length() < 2) {
            return null;
        }
        char quote = literal.charAt(0);
        if (quote == '`') {
            if (literal.charAt(literal.length() - 1) != '`') {
                return null;
            }
            return literal.substring(1, literal.length() - 1).replace("\r", "");
        }
        if (quote != '"' || literal.charAt(literal.length() - 1) != '"') {
            return null;
        }
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c == '"' || c == '\n') {
                return null;
            }
            if (c != '\\') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 >= body.length()) {
                return null;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case 'a' -> out.append((char) 7);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append((char) 0x0B);
                case '\\' -> out.append('\\');
                case '"' -> out.append('"');
                case 'x', 'u', 'U' -> {
                    int n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + n > body.length()) {
                        return null;
                    }
                    int value = 0;
                    for (int k = 0; k < n; k++) {
                        int d = Character.digit(body.charAt(i + k), 16);
                        if (d < 0) {
                            return null;
                        }
                        value = value * 16 + d;
                    }
                    i += n;
                    if (e == 'x') {
                        // A \x byte above 0x7f would be raw (likely invalid) UTF-8; Go keeps the byte.
                        out.append((char) value);
                    } else {
                        if (value < 0 || value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
                            return null;
                        }
                        out.appendCodePoint(value);
                    }
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    if (i + 2 > body.length()) {
                        return null;
                    }
                    int value = e - '0';
                    for (int k = 0; k < 2; k++) {
                        int d = body.charAt(i + k) - '0';
                        if (d < 0 || d > 7) {
                            return null;
                        }
                        value = value * 8 + d;
                    }
                    if (value > 255) {
                        return null;
                    }
                    i += 2;
                    out.append((char) value);
                }
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }
}
