package io.kapsocode.pull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kapsocode.model.IdKeys;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
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
        List<Frame> objects = new ArrayList<>();
        java.util.function.IntUnaryOperator index = json ? i -> i : codePointsToChars(text);
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            Deque<Frame> open = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int at = index.applyAsInt((int) parser.getTokenLocation().getCharOffset());
                int end = index.applyAsInt((int) parser.currentLocation().getCharOffset());
                Frame frame = open.peek();
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        Frame child = new Frame(
                                token == JsonToken.START_OBJECT, at < text.length() && text.charAt(at) == '{');
                        open.push(child);
                        if (child.object) {
                            objects.add(child);
                        }
                    }
                    case END_OBJECT, END_ARRAY -> {
                        open.pop();
                        Frame parent = open.peek();
                        if (parent != null && parent.pending != null) {
                            parent.pending.valueEnd = end;
                            parent.pending = null;
                        }
                    }
                    case FIELD_NAME -> {
                        Member member = new Member(parser.currentName(), at);
                        frame.members.add(member);
                        frame.pending = member;
                    }
                    default -> {
                        if (frame != null && frame.pending != null) {
                            // reading the text first: a JSON parser finishes a string token lazily
                            frame.pending.text = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                            frame.pending.valueEnd = index.applyAsInt(
                                    (int) parser.currentLocation().getCharOffset());
                            frame.pending = null;
                        }
                    }
                }
            }
        } catch (IOException e) {
            return new Result(text, 0, List.of()); // validation reports a file that does not parse
        }
        List<Edit> edits = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (Frame object : objects) {
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

    /** SnakeYAML counts code points; a Java string counts chars, two for an emoji. */
    static java.util.function.IntUnaryOperator codePointsToChars(String text) {
        if (text.codePoints().noneMatch(Character::isSupplementaryCodePoint)) {
            return i -> i;
        }
        int[] chars = new int[text.codePointCount(0, text.length()) + 1];
        int at = 0;
        for (int cp = 0; cp < chars.length - 1; cp++) {
            chars[cp] = at;
            at += Character.charCount(text.codePointAt(at));
        }
        chars[chars.length - 1] = text.length();
        return i -> chars[Math.min(i, chars.length - 1)];
    }

    /** Removes a member: its whole line in a YAML block mapping, else with the comma that joins it. */
    private static Edit remove(String text, Frame object, Member member, boolean json) {
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

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory YAML = new YAMLFactory();

    private record Edit(int start, int end, String replacement) {}

    /** An object of the file, with where each of its members is written. */
    private static final class Frame {
        final boolean object;
        final boolean flow;
        final List<Member> members = new ArrayList<>();
        Member pending;

        Frame(boolean object, boolean flow) {
            this.object = object;
            this.flow = flow;
        }

        Optional<Member> member(String name) {
            return members.stream().filter(m -> m.name.equals(name)).findFirst();
        }
    }

    private static final class Member {
        final String name;
        final int nameStart;
        int valueEnd;
        String text;

        Member(String name, int nameStart) {
            this.name = name;
            this.nameStart = nameStart;
        }
    }
}
