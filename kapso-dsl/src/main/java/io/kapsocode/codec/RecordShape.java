package io.kapsocode.codec;

import io.kapsocode.model.ReadOnlyKeys;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A record type seen as a JSON object: its keys in declaration order, and how to build one. */
public final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> type) {
            return new RecordShape(type);
        }
    };

    private final Class<?> type;
    private final Map<String, FieldShape> fields = new LinkedHashMap<>();
    private final Set<String> readOnlyKeys;
    private final Constructor<?> constructor;

    private RecordShape(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        for (RecordComponent component : components) {
            FieldShape field = FieldShape.of(component);
            fields.put(field.wireName(), field);
        }
        ReadOnlyKeys readOnly = type.getAnnotation(ReadOnlyKeys.class);
        this.readOnlyKeys = readOnly == null ? Set.of() : Set.of(readOnly.value());
        try {
            this.constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            // readers keep their file-format records package-private
            this.constructor.setAccessible(true);
            for (RecordComponent component : components) {
                component.getAccessor().setAccessible(true);
            }
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("a record always has its canonical constructor", e);
        }
    }

    /** The shape of {@code type}, computed once per class. */
    public static RecordShape of(Class<?> type) {
        return SHAPES.get(type);
    }

    public Class<?> type() {
        return type;
    }

    /** The fields by snake_case key, in declaration order. */
    public Map<String, FieldShape> fields() {
        return fields;
    }

    public List<String> keys() {
        return List.copyOf(fields.keySet());
    }

    /** Keys Kapso adds in responses that sources do not hold. */
    public Set<String> readOnlyKeys() {
        return readOnlyKeys;
    }

    Object construct(Object[] values) {
        try {
            return constructor.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /** The value of {@code field} in {@code record}. */
    public Object value(Object record, FieldShape field) {
        try {
            return field.component().getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + field.wireName() + " of " + type.getSimpleName(), e);
        }
    }
}
