package clusterlab.runtime.build;

import java.util.List;

/** Go's {@code %q} formatting, which the builder uses to write CMD and ENTRYPOINT into history. */
final class GoQuote {
    private GoQuote() {}

    /** {@code fmt.Sprintf("%q", []string{"python", "app.py"})}: {@code ["python" "app.py"]}. */
    static String list(List<String> items) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            quote(sb, items.get(i));
        }
        return sb.append(']').toString();
    }

    /** strconv.Quote: the escapes Go uses, printable characters as they are. */
    static void quote(StringBuilder sb, String s) {
        sb.append('"');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case 7 -> sb.append("\\a");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case 11 -> sb.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (!Character.isDefined(cp) || Character.getType(cp) == Character.CONTROL) {
                        sb.append(cp > 0xffff ? String.format("\\U%08x", cp) : String.format("\\u%04x", cp));
                    } else {
                        sb.appendCodePoint(cp);
                    }
                }
            }
        });
        sb.append('"');
    }
}
