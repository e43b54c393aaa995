package clusterlab.runtime.cli.args;

import java.util.ArrayList;
import java.util.List;

/** Test helper: split a transcript line into argv with POSIX-ish single and double quotes. */
final class Shell {
    private Shell() {
    }

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < line.length()) {
                    char n = line.charAt(++i);
                    cur.append(n == 't' ? '\t' : n == 'n' ? '\n' : n);
                } else {
                    cur.append(c);
                }
            } else if (c == ' ') {
                if (cur != null) {
                    out.add(cur.toString());
                    cur = null;
                }
            } else {
                if (cur == null) {
                    cur = new StringBuilder();
                }
                if (c == '\'' || c == '"') {
                    quote = c;
                } else {
                    cur.append(c);
                }
            }
        }
        if (cur != null) {
            out.add(cur.toString());
        }
        return out;
    }
}
