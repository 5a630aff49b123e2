package io.kapsocode.pull;

import io.kapsocode.model.IdKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Rewrites the Kapso ids in one source file (a {@code definition.json} or this tool's YAML) to the
 * portable names: {@code function_id} to {@code function_slug}, {@code workflow_id} to
 * {@code workflow_slug}, {@code provider_model_id} to {@code provider_model_name}. An id beside its
 * portable key is removed. Only those keys change: every other byte, comments and layout included,
 * stays as written, so the diff is exactly the references. An id it cannot map is left as it is.
 */
public final class IdRewriter {

    /** Each id key the project's lists can name, and the portable key that replaces it. */
    static final Map<String, String> PORTABLE = new LinkedHashMap<>();

    static {
        IdKeys.NAMED_BY_LISTS.forEach(key -> PORTABLE.put(key, IdKeys.PORTABLE.get(key)));
    }

    /**
     * What a rewrite did.
     *
     * @param text the new text (the same when nothing changed)
     * @param rewritten how many references changed
     * @param unmapped ids left as they were, as {@code key 'id'}
     */
    public record Result(String text, int rewritten, List<String> unmapped) {

        public boolean changed() {
            return rewritten > 0;
        }
    }

    private IdRewriter() {}

    /**
     * @param json whether the file is JSON ({@code definition.json}); YAML otherwise
     * @param names the name of an id: {@code (idKey, id)} to the slug or model name, if known
     */
    public static Result rewrite(String text, boolean json, BiFunction<String, String, Optional<String>> names) {
        Optional<LocatedText> located = LocatedText.of(text, json);
        if (located.isEmpty()) {
            return new Result(text, 0, List.of()); // validation reports a file that does not parse
        }
        List<Edit> edits = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (LocatedText.ObjectAt object : located.get().objects) {
            for (Map.Entry<String, String> keys : PORTABLE.entrySet()) {
                object.member(keys.getKey())
                        .filter(m -> m.text != null && !m.text.isBlank())
                        .ifPresent(id -> {
                            boolean named = object.member(keys.getValue())
                                    .filter(m -> m.text != null && !m.text.isBlank())
                                    .isPresent();
                            if (named) {
                                edits.add(remove(text, object, id, json));
                                return;
                            }
                            Optional<String> name = names.apply(keys.getKey(), id.text);
                            if (name.isEmpty()) {
                                unmapped.add(keys.getKey() + " '" + id.text + "'");
                                return;
                            }
                            String written = text.substring(id.nameStart, id.valueEnd);
                            int valueAt = written.lastIndexOf(id.text);
                            edits.add(new Edit(
                                    id.nameStart,
                                    id.valueEnd,
                                    written.substring(0, valueAt)
                                                    .replaceFirst(Pattern.quote(keys.getKey()), keys.getValue())
                                            + name.get()
                                            + written.substring(valueAt + id.text.length())));
                        });
            }
        }
        edits.sort(Comparator.comparingInt(Edit::start).reversed());
        StringBuilder out = new StringBuilder(text);
        for (Edit edit : edits) {
            out.replace(edit.start(), edit.end(), edit.replacement());
        }
        return new Result(out.toString(), edits.size(), unmapped);
    }

    /** Removes a member: its whole line in a YAML block mapping, else with the comma that joins it. */
    private static Edit remove(String text, LocatedText.ObjectAt object, LocatedText.Member member, boolean json) {
        if (!json && !object.flow) {
            int lineStart = text.lastIndexOf('\n', member.nameStart - 1) + 1;
            int lineEnd = text.indexOf('\n', member.valueEnd);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd + 1;
            String rest = text.substring(member.valueEnd, lineEnd).strip();
            if (text.substring(lineStart, member.nameStart).isBlank() && (rest.isEmpty() || rest.startsWith("#"))) {
                return new Edit(lineStart, lineEnd, "");
            }
        }
        int index = object.members.indexOf(member);
        if (index > 0) {
            return new Edit(object.members.get(index - 1).valueEnd, member.valueEnd, "");
        }
        if (index + 1 < object.members.size()) {
            return new Edit(member.nameStart, object.members.get(index + 1).nameStart, "");
        }
        return new Edit(member.nameStart, member.valueEnd, "");
    }

    private record Edit(int start, int end, String replacement) {}
}
