package clusterlab.swarm.stack;

import java.util.ArrayList;
import java.util.List;

/**
 * github.com/google/shlex's Split, which the Compose loader applies to a string {@code command}
 * or {@code entrypoint} and docker/cli's ShlexOpt to {@code --entrypoint} and {@code --args}: words split on blanks; single quotes keep everything literally; a
 * backslash escapes the next character outside quotes and inside double quotes; {@code #} at the
 * start of a word comments out the rest of the line.
 */
public final class ShellWords {
    private ShellWords() {
    }

    /** The words of {@code text}; a missing closing quote or a final backslash is an IllegalArgumentException. */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (!inWord && Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (!inWord && c == '#') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (Character.isWhitespace(c)) {
                words.add(word.toString());
                word.setLength(0);
                inWord = false;
                i++;
                continue;
            }
            inWord = true;
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("EOF found after escape character");
                }
                word.append(text.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                int close = text.indexOf('\'', i + 1);
                if (close < 0) {
                    throw new IllegalArgumentException("EOF found when expecting closing quote");
                }
                word.append(text, i + 1, close);
                i = close + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("EOF found when expecting closing quote");
                    }
                    char d = text.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\') {
                        if (i + 1 >= n) {
                            throw new IllegalArgumentException("EOF found after escape character");
                        }
                        word.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        word.append(d);
                        i++;
                    }
                }
            } else {
                word.append(c);
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
