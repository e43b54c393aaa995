package clusterlab.runtime.cli.args;

/**
 * Go's strconv.Quote and QuoteRune, which pflag's error texts use through %q: a student
 * who types a tab or an emoji into a flag must see the same escapes real docker prints.
 */
final class GoText {
    private GoText() {
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        s.codePoints().forEach(cp -> appendEscaped(b, cp, '"'));
        return b.append('"').toString();
    }

    static String quoteRune(int cp) {
        StringBuilder b = new StringBuilder("'");
        appendEscaped(b, cp, '\'');
        return b.append('\'').toString();
    }

    private static void appendEscaped(StringBuilder b, int cp, char quote) {
        if (cp == quote || cp == '\\') {
            b.append('\\').appendCodePoint(cp);
            return;
        }
        if (isPrint(cp)) {
            b.appendCodePoint(cp);
            return;
        }
        switch (cp) {
            case 7 -> b.append("\\a");
            case '\b' -> b.append("\\b");
            case '\f' -> b.append("\\f");
            case '\n' -> b.append("\\n");
            case '\r' -> b.append("\\r");
            case '\t' -> b.append("\\t");
            case 11 -> b.append("\\v");
            default -> {
                if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
                    b.append("\\ufffd"); // Go sees invalid UTF-8 here
                } else if (cp < 0x80) {
                    b.append(String.format("\\x%02x", cp));
                } else if (cp < 0x10000) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.append(String.format("\\U%08x", cp));
                }
            }
        }
    }

    /** unicode.IsPrint: graphic characters plus the ASCII space only. */
    static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
