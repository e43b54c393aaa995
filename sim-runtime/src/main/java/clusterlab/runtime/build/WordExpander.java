package clusterlab.runtime.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Docker's shell lexer for instruction arguments (ENV, COPY, WORKDIR, EXPOSE, LABEL, USER...):
 * quotes, the escape character, and {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}},
 * {@code ${VAR:+word}}. Unset variables expand to nothing, as in Docker.
 */
final class WordExpander {
    /** Bounds a pathological argument; no real Dockerfile line comes close. */
    static final int MAX_RESULT_CHARS = 1 << 20;

    private final char escape;

    WordExpander(char escape) {
        this.escape = escape;
    }

    /** Splits on whitespace outside quotes, keeping quotes and escapes: Docker's {@code parseWords}. */
    List<String> rawWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean escaped = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (escaped) {
                word.append(c);
                escaped = false;
                continue;
            }
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == escape && quote != '\'') {
                escaped = true;
            } else if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** One word with quotes removed and variables expanded: Docker's {@code ProcessWord}. */
    String expand(String word, Function<String, String> env) {
        List<String> parts = process(word, env, false);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    /**
     * Words after expansion, split on unquoted whitespace (also inside expanded values):
     * Docker's {@code ProcessWords}, used by EXPOSE and VOLUME.
     */
    List<String> expandWords(String text, Function<String, String> env) {
        return process(text, env, true);
    }

    private List<String> process(String text, Function<String, String> env, boolean split) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (split && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
                continue;
            }
            inWord = true;
            if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unexpected end of statement while looking for matching single-quote");
                }
                word.append(text, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i = doubleQuoted(text, i + 1, word, env);
            } else if (c == escape) {
                if (i + 1 < n) {
                    word.append(text.charAt(i + 1));
                }
                i += 2;
            } else if (c == '$') {
                StringBuilder value = new StringBuilder();
                i = dollar(text, i + 1, value, env);
                if (split) {
                    // An unquoted expansion is split like the shell does.
                    String v = value.toString();
                    for (int k = 0; k < v.length(); k++) {
                        char vc = v.charAt(k);
                        if (Character.isWhitespace(vc)) {
                            if (word.length() > 0) {
                                words.add(word.toString());
                                word.setLength(0);
                            }
                        } else {
                            word.append(vc);
                        }
                    }
                } else {
                    word.append(value);
                }
            } else {
                word.append(c);
                i++;
            }
            if (word.length() > MAX_RESULT_CHARS) {
                throw new IllegalArgumentException("expansion too long");
            }
        }
        if (inWord && (word.length() > 0 || !split)) {
            words.add(word.toString());
        }
        if (!split && words.isEmpty()) {
            words.add("");
        }
        return words;
    }

    private int doubleQuoted(String text, int i, StringBuilder out, Function<String, String> env) {
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                return i + 1;
            }
            if (c == '$') {
                i = dollar(text, i + 1, out, env);
                continue;
            }
            if (c == escape && i + 1 < n) {
                char next = text.charAt(i + 1);
                if (next == '"' || next == '$' || next == escape) {
                    out.append(next);
                    i += 2;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        throw new IllegalArgumentException("unexpected end of statement while looking for matching double-quote");
    }

    /** After a {@code $}: appends the expansion and returns the index after it. */
    private int dollar(String text, int i, StringBuilder out, Function<String, String> env) {
        int n = text.length();
        if (i >= n) {
            out.append('$');
            return i;
        }
        char c = text.charAt(i);
        if (c == '{') {
            int start = i + 1;
            int j = start;
            while (j < n && isNameChar(text.charAt(j))) {
                j++;
            }
            String name = text.substring(start, j);
            if (j >= n) {
                throw new IllegalArgumentException("missing '}'");
            }
            char after = text.charAt(j);
            if (after == '}') {
                out.append(valueOf(env, name));
                return j + 1;
            }
            if (after != ':') {
                throw new IllegalArgumentException("bad substitution");
            }
            if (j + 1 >= n) {
                throw new IllegalArgumentException("missing '}'");
            }
            char modifier = text.charAt(j + 1);
            int close = matchingBrace(text, j + 2);
            if (close < 0) {
                throw new IllegalArgumentException("missing '}'");
            }
            String word = expand(text.substring(j + 2, close), env);
            String value = env.apply(name);
            switch (modifier) {
                case '-' -> out.append(value == null || value.isEmpty() ? word : value);
                case '+' -> out.append(value == null || value.isEmpty() ? "" : word);
                default -> throw new IllegalArgumentException("unsupported modifier (" + modifier + ") in substitution");
            }
            return close + 1;
        }
        if (!isNameChar(c)) {
            out.append('$');
            return i;
        }
        int j = i;
        while (j < n && isNameChar(text.charAt(j))) {
            j++;
        }
        out.append(valueOf(env, text.substring(i, j)));
        return j;
    }

    private static int matchingBrace(String text, int from) {
        int depth = 0;
        for (int k = from; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) {
                    return k;
                }
                depth--;
            }
        }
        return -1;
    }

    private static String valueOf(Function<String, String> env, String name) {
        String v = env.apply(name);
        return v == null ? "" : v;
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
