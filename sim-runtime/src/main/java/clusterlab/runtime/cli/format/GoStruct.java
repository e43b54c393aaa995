package clusterlab.runtime.cli.format;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template context that behaves like a Go struct rather than a map: fields keep their
 * order in JSON, and a field it lacks is an execution error
 * ({@code can't evaluate field Foo in type *formatter.ContainerContext}) instead of
 * {@code <no value>}. A field whose value is a {@link TemplateMethod} can take arguments,
 * like docker's {@code {{.Label "com.example"}}}.
 *
 * @param typeName the Go type named in error messages, e.g. {@code *formatter.ContainerContext}
 * @param fields   field values by name, in declaration order
 */
public record GoStruct(String typeName, Map<String, Object> fields) {

    public GoStruct {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
