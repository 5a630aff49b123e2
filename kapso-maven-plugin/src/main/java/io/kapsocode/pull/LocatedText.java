package io.kapsocode.pull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * A JSON or YAML source file walked once with Jackson's streaming parser, keeping where things are
 * written: every object with its members (where each name starts and its value ends), and every scalar
 * value by JSON Pointer. What edits a file in place ({@link IdRewriter}, {@link InPlaceEdit}) needs, so
 * that it can change a few characters and leave every other byte as the author wrote it.
 */
final class LocatedText {

    private static final JsonFactory JSON = new JsonFactory();
    private static final JsonFactory YAML = new YAMLFactory();

    /** A member of an object: its name, where the name starts, where the value ends, a string value. */
    static final class Member {
        final String name;
        final int nameStart;
        int valueEnd;
        /** The value when it is a string, else {@code null}. */
        String text;

        Member(String name, int nameStart) {
            this.name = name;
            this.nameStart = nameStart;
        }
    }

    /** An object of the file; {@code flow} when written as {@code {...}} rather than as a YAML block. */
    static final class ObjectAt {
        final boolean flow;
        final List<Member> members = new ArrayList<>();

        ObjectAt(boolean flow) {
            this.flow = flow;
        }

        Optional<Member> member(String name) {
            return members.stream().filter(m -> m.name.equals(name)).findFirst();
        }
    }

    final List<ObjectAt> objects = new ArrayList<>();
    /** {@code [start, end)} of each scalar value, by JSON Pointer ({@code /nodes/greet/message}). */
    final Map<String, int[]> scalars = new HashMap<>();

    private LocatedText() {}

    /** The file walked; empty when it does not parse (validation reports that). */
    static Optional<LocatedText> of(String text, boolean json) {
        LocatedText located = new LocatedText();
        IntUnaryOperator index = json ? i -> i : codePointsToChars(text);
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            Deque<Container> open = new ArrayDeque<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                int at = index.applyAsInt((int) parser.getTokenLocation().getCharOffset());
                Container parent = open.peek();
                switch (token) {
                    case START_OBJECT, START_ARRAY -> {
                        String pointer = parent == null ? "" : parent.pointer + "/" + parent.nextSegment();
                        ObjectAt object = token == JsonToken.START_OBJECT
                                ? new ObjectAt(at < text.length() && text.charAt(at) == '{')
                                : null;
                        if (object != null) {
                            located.objects.add(object);
                        }
                        open.push(new Container(pointer, object));
                    }
                    case END_OBJECT, END_ARRAY -> {
                        open.pop();
                        Container outer = open.peek();
                        if (outer != null) {
                            outer.valueEnds(
                                    index.applyAsInt(
                                            (int) parser.currentLocation().getCharOffset()),
                                    null);
                        }
                    }
                    case FIELD_NAME -> parent.name(new Member(parser.currentName(), at));
                    default -> {
                        if (parent == null) {
                            continue; // a file that is a single scalar holds nothing to locate
                        }
                        String pointer = parent.pointer + "/" + parent.nextSegment();
                        // reading the text first: a JSON parser finishes a string token lazily
                        String value = token == JsonToken.VALUE_STRING ? parser.getText() : null;
                        int end =
                                index.applyAsInt((int) parser.currentLocation().getCharOffset());
                        located.scalars.put(pointer, new int[] {at, end});
                        parent.valueEnds(end, value);
                    }
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(located);
    }

    /** An open object or array while walking: its pointer, its pending member or its item count. */
    private static final class Container {
        final String pointer;
        final ObjectAt object;
        Member pending;
        int items;

        Container(String pointer, ObjectAt object) {
            this.pointer = pointer;
            this.object = object;
        }

        void name(Member member) {
            object.members.add(member);
            pending = member;
        }

        /** The pointer segment of the value that starts now: the pending member's name, or the item index. */
        String nextSegment() {
            return object != null ? pending.name : String.valueOf(items++);
        }

        void valueEnds(int end, String text) {
            if (pending != null) {
                pending.valueEnd = end;
                pending.text = text;
                pending = null;
            }
        }
    }

    /** SnakeYAML counts code points; a Java string counts chars, two for an emoji. */
    private static IntUnaryOperator codePointsToChars(String text) {
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
}
