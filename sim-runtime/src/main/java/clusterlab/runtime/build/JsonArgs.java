package clusterlab.runtime.build;

import java.util.ArrayList;
import java.util.List;

/**
 * The exec form of RUN, CMD, ENTRYPOINT, COPY...: a JSON array of strings. Anything else (a
 * number, a trailing comma, an unclosed quote) is not JSON to Docker either, and the text is then
 * taken as the shell form.
 */
final class JsonArgs {
    private static final int MAX_ITEMS = 4096;

    private JsonArgs() {}

    /** The strings of a JSON array, or null when {@code text} is not exactly one such array. */
    static List<String> parse(String text) {
        String s = text.trim();
        if (!s.startsWith("[") || !s.endsWith("]")) {
            return null;
        }
        List<String> out = new ArrayList<>();
        int i = skipSpace(s, 1);
        if (i < s.length() && s.charAt(i) == ']') {
            return i == s.length() - 1 ? out : null;
        }
        while (i < s.length() && out.size() < MAX_ITEMS) {
            if (s.charAt(i) != '"') {
                return null;
            }
            StringBuilder item = new StringBuilder();
            i++;
            boolean closed = false;
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') {
                    closed = true;
                    break;
                }
                if (c == '\\') {
                    if (i >= s.length()) {
                        return null;
                    }
                    char e = s.charAt(i++);
                    switch (e) {
                        case '"', '\\', '/' -> item.append(e);
                        case 'n' -> item.append('\n');
                        case 't' -> item.append('\t');
                        case 'r' -> item.append('\r');
                        case 'b' -> item.append('\b');
                        case 'f' -> item.append('\f');
                        case 'u' -> {
                            if (i + 4 > s.length()) {
                                return null;
                            }
                            try {
                                item.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            } catch (NumberFormatException bad) {
                                return null;
                            }
                            i += 4;
                        }
                        default -> {
                            return null;
                        }
                    }
                } else if (c < 0x20) {
                    return null;
                } else {
                    item.append(c);
                }
            }
            if (!closed) {
                return null;
            }
            out.add(item.toString());
            i = skipSpace(s, i);
            if (i >= s.length()) {
                return null;
            }
            char sep = s.charAt(i);
            if (sep == ']') {
                return i == s.length() - 1 ? out : null;
            }
            if (sep != ',') {
                return null;
            }
            i = skipSpace(s, i + 1);
        }
        return null;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
