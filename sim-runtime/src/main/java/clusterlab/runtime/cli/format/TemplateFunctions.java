package clusterlab.runtime.cli.format;

import clusterlab.runtime.cli.format.TemplateFunction.Failure;
import clusterlab.runtime.cli.format.TemplateFunction.Param;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions docker's templates see: docker/cli's templates.go set (json, split,
 * join, title, lower, upper, pad, truncate), its table-header variants, and the
 * text/template builtins the simulator supports (and, or, not, len, index, eq, ne,
 * lt, le, gt, ge, print, println, printf). html, js, urlquery, slice and call are not
 * provided and parse as undefined functions.
 */
final class TemplateFunctions {

    /** For rows: docker's basicFunctions plus the builtins. */
    static final Map<String, TemplateFunction> BASIC;
    /** For a table's header row: docker's HeaderFunctions plus the builtins. */
    static final Map<String, TemplateFunction> HEADER;

    static {
        Map<String, TemplateFunction> builtins = builtins();
        Map<String, TemplateFunction> basic = new LinkedHashMap<>(builtins);
        put(basic, TemplateFunction.of("json", a -> json(a.get(0)), Param.ANY));
        put(basic, TemplateFunction.of("split", a -> split((String) a.get(0), (String) a.get(1)),
                Param.STRING, Param.STRING));
        put(basic, TemplateFunction.of("join", a -> join(a.get(0), (String) a.get(1)),
                Param.STRING_LIST, Param.STRING));
        put(basic, TemplateFunction.of("title", a -> title((String) a.get(0)), Param.STRING));
        put(basic, TemplateFunction.of("lower", a -> mapRunes((String) a.get(0), false), Param.STRING));
        put(basic, TemplateFunction.of("upper", a -> mapRunes((String) a.get(0), true), Param.STRING));
        put(basic, TemplateFunction.of("pad", a -> pad((String) a.get(0), (Long) a.get(1), (Long) a.get(2)),
                Param.STRING, Param.INT, Param.INT));
        put(basic, TemplateFunction.of("truncate", a -> truncate((String) a.get(0), (Long) a.get(1)),
                Param.STRING, Param.INT));
        BASIC = Collections.unmodifiableMap(basic);

        // Headers stay intact: every function but pad returns its first argument.
        Map<String, TemplateFunction> header = new LinkedHashMap<>(basic);
        put(header, TemplateFunction.of("json", a -> a.get(0), Param.STRING));
        put(header, TemplateFunction.of("split", a -> a.get(0), Param.STRING, Param.STRING));
        put(header, TemplateFunction.of("join", a -> a.get(0), Param.STRING, Param.STRING));
        put(header, TemplateFunction.of("title", a -> a.get(0), Param.STRING));
        put(header, TemplateFunction.of("lower", a -> a.get(0), Param.STRING));
        put(header, TemplateFunction.of("upper", a -> a.get(0), Param.STRING));
        put(header, TemplateFunction.of("truncate", a -> a.get(0), Param.STRING, Param.INT));
        HEADER = Collections.unmodifiableMap(header);
    }

    private TemplateFunctions() {
    }

    private static void put(Map<String, TemplateFunction> map, TemplateFunction f) {
        map.put(f.name(), f);
    }

    private static Map<String, TemplateFunction> builtins() {
        Map<String, TemplateFunction> m = new LinkedHashMap<>();
        // and/or are evaluated lazily by the executor; these bodies are never called.
        put(m, TemplateFunction.variadic("and", a -> a.get(a.size() - 1), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.variadic("or", a -> a.get(a.size() - 1), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.of("not", a -> !GoValues.truth(a.get(0)), Param.VALUE));
        put(m, TemplateFunction.of("len", a -> length(a.get(0)), Param.VALUE));
        put(m, TemplateFunction.variadic("index", a -> index(a.get(0), a.subList(1, a.size())), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.variadic("eq", a -> GoCompare.eq(a.get(0), a.subList(1, a.size())), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.of("ne", a -> !GoCompare.eq(a.get(0), List.of(a.get(1))), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.of("lt", a -> GoCompare.lt(a.get(0), a.get(1)), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.of("le", a -> GoCompare.le(a.get(0), a.get(1)), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.of("gt", a -> !GoCompare.le(a.get(0), a.get(1)), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.of("ge", a -> !GoCompare.lt(a.get(0), a.get(1)), Param.VALUE, Param.VALUE));
        put(m, TemplateFunction.variadic("print", GoPrint::sprint, Param.ANY));
        put(m, TemplateFunction.variadic("println", GoPrint::sprintln, Param.ANY));
        put(m, TemplateFunction.variadic("printf", a -> GoPrint.sprintf((String) a.get(0), a.subList(1, a.size())),
                Param.ANY, Param.STRING));
        return m;
    }

    /** docker's json: an encoder without HTML escaping, trailing newline trimmed. */
    static String json(Object value) {
        try {
            return GoJson.encode(value, false, true, null).strip();
        } catch (IllegalArgumentException e) {
            // docker ignores the encoder's error and prints what it wrote: nothing.
            return "";
        }
    }

    /** strings.Split: an empty separator splits after each rune. */
    static List<String> split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return parts;
        }
        int from = 0;
        for (int at = s.indexOf(sep); at >= 0; at = s.indexOf(sep, from)) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static String join(Object list, String sep) {
        List<String> parts = new ArrayList<>();
        if (list instanceof List<?> l) {
            l.forEach(o -> parts.add((String) o));
        }
        return String.join(sep, parts);
    }

    /** strings.Title: upper-case (title-case) the first letter of each word. */
    static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            out.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
            prev = cp;
        }
        return out.toString();
    }

    /** strings.Title's word boundary test. */
    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            if ((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_') {
                return false;
            }
            return true;
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return Character.isWhitespace(r) || Character.isSpaceChar(r);
    }

    /** strings.ToUpper/ToLower map rune by rune (no locale, no length changes). */
    static String mapRunes(String s, boolean upper) {
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> out.appendCodePoint(upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp)));
        return out.toString();
    }

    /** docker's padWithSpace: spaces around a non-empty string. */
    static String pad(String source, long prefix, long suffix) {
        if (source.isEmpty()) {
            return source;
        }
        if (prefix < 0 || suffix < 0) {
            throw new Failure("strings: negative Repeat count");
        }
        if (prefix + suffix > 1_000_000) {
            throw new Failure("strings: Repeat output length overflow");
        }
        return " ".repeat((int) prefix) + source + " ".repeat((int) suffix);
    }

    /**
     * docker's truncateWithLength cuts bytes, not runes: a cut inside a multi-byte rune
     * leaves invalid UTF-8, shown here (as a terminal shows it) as U+FFFD.
     */
    static String truncate(String source, long length) {
        byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < length) {
            return source;
        }
        if (length < 0) {
            throw new Failure("runtime error: slice bounds out of range [:" + length + "]");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, 0, (int) length)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    private static Object length(Object item) {
        if (item == GoValues.MISSING || item == null) {
            throw new Failure("len of nil pointer");
        } else if (item instanceof String s) {
            return (long) s.getBytes(StandardCharsets.UTF_8).length;
        } else if (item instanceof List<?> l) {
            return (long) l.size();
        } else if (item instanceof Map<?, ?> m) {
            return (long) m.size();
        }
        throw new Failure("len of type " + GoValues.typeName(item));
    }

    private static Object index(Object item, List<Object> indexes) {
        Object current = item;
        for (Object key : indexes) {
            if (current == GoValues.MISSING || current == null) {
                throw new Failure("index of untyped nil");
            }
            if (current instanceof Map<?, ?> m) {
                if (!(key instanceof String)) {
                    throw new Failure("value has type " + GoValues.typeName(key) + "; should be string");
                }
                current = m.containsKey(key) ? m.get(key) : null;
            } else if (current instanceof List<?> l) {
                if (!GoValues.isInteger(key)) {
                    throw new Failure("cannot index slice/array with type " + GoValues.typeName(key));
                }
                long i = ((Number) key).longValue();
                if (i < 0 || i >= l.size()) {
                    throw new Failure("index out of range: " + i);
                }
                current = l.get((int) i);
            } else if (current instanceof String s) {
                if (!GoValues.isInteger(key)) {
                    throw new Failure("cannot index slice/array with type " + GoValues.typeName(key));
                }
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                long i = ((Number) key).longValue();
                if (i < 0 || i >= bytes.length) {
                    throw new Failure("index out of range: " + i);
                }
                current = (long) (bytes[(int) i] & 0xFF);
            } else {
                throw new Failure("can't index item of type " + GoValues.typeName(current));
            }
        }
        return current;
    }
}
