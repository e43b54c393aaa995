package clusterlab.runtime.cli.format;

import java.util.List;

/** fmt.Sprint, Sprintln and a small Sprintf (verbs v s d q t %) for the print builtins. */
final class GoPrint {

    private GoPrint() {
    }

    static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            // Sprint puts a space between operands when neither is a string.
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(value(args.get(i)));
        }
        return out.toString();
    }

    static String sprintln(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            out.append(i > 0 ? " " : "").append(value(args.get(i)));
        }
        return out.append('\n').toString();
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (i + 1 >= format.length()) {
                out.append("%!(NOVERB)");
                break;
            }
            char verb = format.charAt(++i);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (argIndex >= args.size()) {
                out.append("%!").append(verb).append("(MISSING)");
                continue;
            }
            Object arg = args.get(argIndex++);
            out.append(verb(verb, arg));
        }
        for (; argIndex < args.size(); argIndex++) {
            Object arg = args.get(argIndex);
            out.append(argIndex == 0 || out.indexOf("%!(EXTRA ") < 0 ? "%!(EXTRA " : ", ");
            out.append(GoValues.typeName(arg)).append('=').append(value(arg));
            if (argIndex == args.size() - 1) {
                out.append(')');
            }
        }
        return out.toString();
    }

    private static String verb(char verb, Object arg) {
        switch (verb) {
            case 'v':
                return value(arg);
            case 's':
                if (arg instanceof String || arg instanceof List<?>) {
                    return value(arg);
                }
                break;
            case 'q':
                if (arg instanceof String s) {
                    return GoQuote.quote(s);
                }
                break;
            case 'd':
                if (GoValues.isInteger(arg)) {
                    return value(arg);
                }
                break;
            case 't':
                if (arg instanceof Boolean) {
                    return value(arg);
                }
                break;
            default:
                break;
        }
        return "%!" + verb + "(" + GoValues.typeName(arg) + "=" + value(arg) + ")";
    }

    private static String value(Object v) {
        return v == null || v == GoValues.MISSING ? "<nil>" : GoValues.print(v);
    }
}
